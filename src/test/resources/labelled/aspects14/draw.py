#!/usr/bin/env python3
"""Draws the candidates for the 14-aspect labelled set from the three shared review files (../shared/data).

Pools exist only to make rare complaints and praise common enough to measure; readers see the candidates shuffled,
without their pool, and label every aspect of every review. Reviews already in the earlier labelled files
(src/test/resources/labelled/aspect-labels.csv, src/main/resources/aspects/training.csv) are left out, so no review
is in two sets. Usage: python3 draw.py ../../../../../../shared/data candidates.csv
"""
import csv, hashlib, random, re, sys
from pathlib import Path

csv.field_size_limit(10**9)
SEED = 20261204
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[4]

# topic words per aspect, only to form pools (labels come from reading)
TOPICS = {
    "shipping": r"\b(ship|shipping|shipped|deliver|delivery|delivered|arriv|came (in|with)|package (came|arrived)|took (weeks|a month)|never (came|received|got)|mail|ups|fedex|usps|carrier|back.?order)",
    "packaging": r"\b(packag|box|bottle|container|lid|cap|seal|wrapp|pump|spray(er)? (nozzle|bottle|head)|leak|tub|canister|dispens)",
    "price": r"\b(price|priced|pricey|expensive|cheap|cheaper|cost|costs|worth|value|money|deal|bargain|afford|overpriced|\$\d)",
    "quality": r"\b(quality|broke|broken|break|fell apart|rip|ripped|tear|torn|defect|flimsy|sturdy|durable|last(ed|s)? |pill|pilling|cheaply made|well made|poorly made|stitch|seam|hole|fray)",
    "fit": r"\b(size|sizing|fit|fits|fitted|too (small|big|large|tight|loose|long|short)|runs (small|large|big)|petite|length)",
    "comfort": r"\b(comfort|comfortable|uncomfortable|soft|itchy|scratchy|cozy|snug|hurt|painful|breathable)",
    "ease": r"\b(easy|easier|difficult|hard to|assembl|set ?up|install|instructions|use|clean(ing)? (up|it)|convenient|hassle|figure out|operate)",
    "scent": r"\b(smell|smells|scent|fragrance|odor|odour|perfume|stink|stinks|aroma)",
    "taste": r"\b(taste|tastes|tasty|flavor|flavour|delicious|stale|fresh|bland|sweet|salty|crunchy|chewy|snack|chips|cereal|coffee|tea\b|sauce|cookie|candy|popcorn)",
    "effectiveness": r"\b(works?|worked|effective|ineffective|clean(s|ed)?|results?|did(n't| not) (work|help|do)|does(n't| not) (work|help)|remov|kill|disinfect|moistur|helps?|useless)",
    "safety": r"\b(safe|safety|unsafe|danger|hazard|rash|allerg|reaction|burn|toxic|chemical|chok|injur|hurt|bpa|recall|cut (my|his|her)|sharp)",
    "customer": r"\b(customer service|customer support|support|service|representative|rep\b|called|contacted|email(ed)?|seller|company|manufacturer|store|staff|warranty|replacement)",
    "returns": r"\b(return|returned|returning|refund|exchange|exchanged|send (it|them) back|sent (it|them) back|money back|store credit)",
    "appearance": r"\b(color|colour|look|looks|looked|pretty|beautiful|cute|ugly|design|pattern|style|picture|photo|print|shade|gorgeous)",
}

def reviews(data):
    for row_no, r in enumerate(csv.DictReader(open(data / "baby-product-reviews.csv", encoding="utf-8", newline="")), 1):
        yield ("baby-product-reviews.csv", row_no, r["rating"], "", r["review"])
    for row_no, r in enumerate(csv.DictReader(open(data / "womens-clothing-reviews.csv", encoding="utf-8", newline="")), 1):
        yield ("womens-clothing-reviews.csv", row_no, r["Rating"], r["Title"], r["Review Text"])
    for row_no, r in enumerate(csv.DictReader(open(data / "product-reviews-multicategory.csv", encoding="utf-8", newline="")), 1):
        yield ("product-reviews-multicategory.csv", row_no, r["reviews_rating"], r["reviews_title"], r["reviews_text"])

def labelled_before():
    seen = set()
    for f in [REPO / "src/test/resources/labelled/aspect-labels.csv", REPO / "src/main/resources/aspects/training.csv"]:
        for r in csv.DictReader(open(f, encoding="utf-8")):
            seen.add((r["source"], int(r["row"])))
    return seen

def rating(value):
    try:
        return float(value)
    except ValueError:
        return None

def main(data, out):
    rng = random.Random(SEED)
    seen = labelled_before()
    items, texts = [], set()
    for source, row, stars, title, text in reviews(Path(data)):
        text = (text or "").strip()
        key = text.lower()
        if not text or (source, row) in seen or key in texts or len(text) > 2500:
            continue
        texts.add(key)
        items.append((source, row, rating(stars), title or "", text))
    rng.shuffle(items)
    chosen, pools = {}, {}
    def take(name, predicate, n):
        got = 0
        for it in items:
            if got >= n:
                break
            k = (it[0], it[1])
            if k not in chosen and predicate(it):
                chosen[k] = it
                pools[k] = name
                got += 1
    for aspect, pattern in TOPICS.items():
        rx = re.compile(pattern, re.I)
        topical = lambda it, rx=rx: bool(rx.search(it[3] + " " + it[4]))
        take(aspect + "-low", lambda it: topical(it) and it[2] is not None and it[2] <= 3, 90)
        take(aspect + "-high", lambda it: topical(it) and it[2] is not None and it[2] >= 4, 55)
    take("any", lambda it: True, 370)
    rows = list(chosen.values())
    rng.shuffle(rows)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "source", "row", "rating", "title", "text", "pool"])
        for i, (source, row, stars, title, text) in enumerate(rows, 1):
            w.writerow([i, source, row, "" if stars is None else int(stars), title, text, pools[(source, row)]])
    print(f"{len(rows)} candidates -> {out}")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
