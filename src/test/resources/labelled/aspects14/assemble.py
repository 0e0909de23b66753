#!/usr/bin/env python3
"""Joins the readers' labels to the candidates and writes the two disjoint splits of the 14-aspect set.

A review's split follows from its source and row alone (SHA-1, even first byte: evaluation), so it never changes
when the set grows; a review from the earlier 3-aspect sets keeps its side (pool old-eval-* / old-train-*), so the
earlier evaluation set stays held out. Usage: python3 assemble.py labels-dir candidates.csv [candidates-2.csv ...]
  -> eval.csv (here) and ../../../../main/resources/aspects/training14.csv
Also prints the second reader's agreement when labels-dir holds second-reader-labels.csv.
"""
import csv, glob, hashlib, os, sys
from collections import Counter
from pathlib import Path

csv.field_size_limit(10**9)
KEYS = ["shipping", "packaging", "price", "quality", "fit", "comfort", "ease", "scent", "taste", "effectiveness",
        "safety", "customer", "returns", "appearance"]
HERE = Path(__file__).resolve().parent
TRAINING = HERE.parents[3] / "main/resources/aspects/training14.csv"
# the readers' short keys -> the ontology's local names (asp:customer-service, asp:ease-of-use)
ONTOLOGY_NAMES = {"customer": "customer-service", "ease": "ease-of-use"}
COLUMNS = ["source", "row", "rating", "title", "text", "complaints", "praise", "pool", "note"]

def keys(value, where):
    out = [k.strip() for k in (value or "").split(";") if k.strip()]
    bad = [k for k in out if k not in KEYS]
    if bad:
        raise SystemExit(f"{where}: unknown aspect keys {bad}")
    return sorted(set(out), key=KEYS.index)

def read_labels(path):
    labels = {}
    for r in csv.DictReader(open(path, encoding="utf-8", newline="")):
        i = r["id"].strip()
        if i in labels:
            raise SystemExit(f"{path}: id {i} twice")
        labels[i] = (keys(r["complaints"], f"{path} id {i}"), keys(r["praise"], f"{path} id {i}"), (r.get("note") or "").strip())
    return labels

def in_eval(source, row, pool):
    if pool.startswith("old-eval"):
        return True
    if pool.startswith("old-train"):
        return False
    return hashlib.sha1(f"{source}:{row}".encode()).digest()[0] % 2 == 0

def main(labels_dir, candidate_files):
    labels = {}
    for f in sorted(glob.glob(os.path.join(labels_dir, "labels-*.csv"))):
        for i, v in read_labels(f).items():
            if i in labels:
                raise SystemExit(f"id {i} labelled in two files")
            labels[i] = v
    rows = [r for f in candidate_files for r in csv.DictReader(open(f, encoding="utf-8", newline=""))]
    missing = [r["id"] for r in rows if r["id"] not in labels]
    if missing:
        raise SystemExit(f"{len(missing)} candidates have no labels, e.g. {missing[:5]}")
    splits = {"eval": [], "train": []}
    for r in sorted(rows, key=lambda r: (r["source"], int(r["row"]))):
        complaints, praise, note = labels[r["id"]]
        out = {c: r[c] for c in ["source", "row", "rating", "title", "pool"]}
        out["text"] = r["text"].strip()
        out.update(complaints=";".join(ONTOLOGY_NAMES.get(k, k) for k in complaints),
                   praise=";".join(ONTOLOGY_NAMES.get(k, k) for k in praise), note=note)
        splits["eval" if in_eval(r["source"], r["row"], r["pool"]) else "train"].append(out)
    for name, path in [("eval", HERE / "eval.csv"), ("train", TRAINING)]:
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=COLUMNS)
            w.writeheader()
            w.writerows(splits[name])
        c = Counter(k for r in splits[name] for k in r["complaints"].split(";") if k)
        p = Counter(k for r in splits[name] for k in r["praise"].split(";") if k)
        print(f"{name}: {len(splits[name])} reviews -> {path}")
        print("  " + "  ".join(f"{k} {c[ONTOLOGY_NAMES.get(k, k)]}/{p[ONTOLOGY_NAMES.get(k, k)]}" for k in KEYS)
              + "   (complaints/praise)")
    second = os.path.join(labels_dir, "second-reader-labels.csv")
    if os.path.exists(second):
        agreement(labels, read_labels(second))

def agreement(first, second):
    """F1 of the second reading against the first, per polarity over all aspect decisions, and per aspect."""
    ids = [i for i in second if i in first]
    print(f"second reader: {len(ids)} reviews")
    for pol, idx in [("complaints", 0), ("praise", 1)]:
        tp = fp = fn = 0
        per = Counter()
        for i in ids:
            a, b = set(first[i][idx]), set(second[i][idx])
            tp += len(a & b); fp += len(b - a); fn += len(a - b)
            for k in a & b: per[k, "tp"] += 1
            for k in b - a: per[k, "fp"] += 1
            for k in a - b: per[k, "fn"] += 1
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0
        print(f"  {pol}: agreed {tp}, second only {fp}, first only {fn}, F1 {f1:.3f}")
        print("    " + "  ".join(f"{k} {2*per[k,'tp']/(2*per[k,'tp']+per[k,'fp']+per[k,'fn']):.2f}"
                              for k in KEYS if per[k, "tp"] + per[k, "fp"] + per[k, "fn"]))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
