#!/usr/bin/env python3
"""The second round of candidates, for the aspects the first round left short of positives: the delivery complaints
of the earlier 3-aspect sets (labelled again for all 14 aspects, each kept on its side of the earlier split) and
reviews about bottles, pumps and containers, about dealings with a company, and about food, none drawn before.
Usage: python3 draw-round2.py ../../../../../../shared/data candidates.csv candidates-2.csv"""
import csv, random, re, sys
from pathlib import Path

csv.field_size_limit(10**9)
REPO = Path(__file__).resolve().parents[5]
POOLS = [  # name, topic words, rating band, how many
    ("customer-2", r"customer service|customer support|called (the )?(company|customer|store|manufacturer)|contacted|"
                   r"representative|warranty|the company (sent|replaced|refused|said)", None, 40),
    ("packaging-2-low", r"\b(leak|leaked|leaking|bottle|pump|lid|seal|canister|dispens|packaging|container|cap)\b", "low", 70),
    ("packaging-2-high", r"\b(leak|leaked|leaking|bottle|pump|lid|seal|canister|dispens|packaging|container|cap)\b", "high", 130),
    ("taste-2", r"\b(taste|tastes|flavor|flavour|stale|delicious|bland)\b", None, 150),
]

def main(data, first_round, out_file):
    rng = random.Random(20261205)
    train = list(csv.DictReader(open(REPO / "src/main/resources/aspects/training.csv", encoding="utf-8")))
    evaluation = list(csv.DictReader(open(REPO / "src/test/resources/labelled/aspect-labels.csv", encoding="utf-8")))
    drawn = {(r["source"], r["row"]) for r in csv.DictReader(open(first_round, encoding="utf-8"))}
    old = {(r["source"], r["row"]) for r in train + evaluation}
    rows = [("product-reviews-multicategory.csv", str(i), r["reviews_rating"], r["reviews_title"], r["reviews_text"])
            for i, r in enumerate(csv.DictReader(open(Path(data) / "product-reviews-multicategory.csv", encoding="utf-8", newline="")), 1)]
    rows += [("baby-product-reviews.csv", str(i), r["rating"], "", r["review"])
             for i, r in enumerate(csv.DictReader(open(Path(data) / "baby-product-reviews.csv", encoding="utf-8", newline="")), 1)]
    rows += [("womens-clothing-reviews.csv", str(i), r["Rating"], r["Title"], r["Review Text"])
             for i, r in enumerate(csv.DictReader(open(Path(data) / "womens-clothing-reviews.csv", encoding="utf-8", newline="")), 1)]
    verbatim = {(r[0], r[1]): r[4].strip() for r in rows}  # the earlier sets' copies lost carriage returns
    out = [(r["source"], r["row"], r["rating"], r["title"], verbatim[r["source"], r["row"]], "old-eval-shipping")
           for r in evaluation if r["shipping"] == "1"]
    out += [(r["source"], r["row"], r["rating"], r["title"], verbatim[r["source"], r["row"]], "old-train-shipping")
            for r in train if r["shipping"] == "1"]
    rows = [r for r in rows if r[0] != "womens-clothing-reviews.csv"]  # no clothing pools in this round
    texts, free = set(), []
    for r in rows:
        key = r[4].strip().lower()
        if (r[0], r[1]) in drawn or (r[0], r[1]) in old or not key or key in texts or len(r[4]) > 2500:
            continue
        texts.add(key)
        free.append(r)
    rng.shuffle(free)
    taken = set()
    for name, pattern, band, n in POOLS:
        rx, got = re.compile(pattern, re.I), 0
        for r in free:
            if got >= n:
                break
            if (r[0], r[1]) in taken or not rx.search(r[3] + " " + r[4]):
                continue
            stars = float(r[2]) if r[2] else None
            if band == "low" and not (stars is not None and stars <= 3) or band == "high" and not (stars is not None and stars >= 4):
                continue
            taken.add((r[0], r[1]))
            out.append(r + (name,))
            got += 1
    rng.shuffle(out)
    with open(out_file, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "source", "row", "rating", "title", "text", "pool"])
        for i, r in enumerate(out, 2368):  # after the first round's ids
            w.writerow([i, r[0], r[1], r[2].split(".")[0] if r[2] else "", r[3], r[4], r[5]])
    print(f"{len(out)} candidates -> {out_file}")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
