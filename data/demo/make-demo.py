#!/usr/bin/env python3
"""Builds the demo dataset from ../shared/data (the public review sets). Deterministic: same input, same demo.

Rows are copied unchanged (only selected); each output keeps its source's header and row order.
  baby-product-reviews.csv          every row (baby products; many shipping complaints)
  product-reviews-multicategory.csv every 3rd row, plus every Baby-category row and every row that talks
                                    about shipping, delivery, arrival or packaging
  womens-clothing-reviews.csv       every 4th row, plus every row that talks about shipping or delivery
Usage: python3 data/demo/make-demo.py [SHARED_DATA_DIR]
"""
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared" / "data"
DELIVERY = re.compile(r"ship|deliver|arriv|packag|came in|got here|took .{0,20}(weeks|days|month)", re.I)
csv.field_size_limit(10_000_000)


def subset(name, keep):
    src = SHARED / name
    with src.open(newline="", encoding="utf-8") as f, (HERE / name).open("w", newline="", encoding="utf-8") as out:
        reader = csv.reader(f)
        writer = csv.writer(out, lineterminator="\n")
        header = next(reader)
        writer.writerow(header)
        kept = 0
        for i, row in enumerate(reader):
            if keep(i, dict(zip(header, row))):
                writer.writerow(row)
                kept += 1
    print(f"{name}: {kept} rows")


subset("baby-product-reviews.csv", lambda i, r: True)
subset("product-reviews-multicategory.csv",
       lambda i, r: i % 3 == 0 or "Baby" in r["categories"]
       or DELIVERY.search(r["reviews_text"] + " " + r["reviews_title"]) is not None)
subset("womens-clothing-reviews.csv",
       lambda i, r: i % 4 == 0 or re.search(r"ship|deliver", r["Review Text"], re.I) is not None)
