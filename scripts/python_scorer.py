#!/usr/bin/env python3
"""A straightforward Python scorer, for scripts/bench-batch's comparison only: json + decimal,
the rules of ../shared/spec/SCORING.md for valid files (no findings, no error handling), each
file's total, percent and grade. Prints the number of files and the mean total.
    python3 scripts/python_scorer.py FILE_OR_FOLDER...
"""
import json
import sys
from datetime import date
from decimal import Decimal, ROUND_HALF_UP

D = Decimal
HUNDRED = D(100)
GRADES = [("优", D(90)), ("良", D(80)), ("中", D(60)), ("差", D(0))]


def num(value, default=None):
    return default if value in (None, "") else D(str(value))


def budget_rates(doc):
    planned = sum((num(l.get("planned"), D(0)) for l in doc.get("budget", [])), D(0))
    received = sum((num(l.get("received"), num(l.get("planned"), D(0))) for l in doc.get("budget", [])), D(0))
    spent = sum((num(l.get("spent"), D(0)) for l in doc.get("budget", [])), D(0))
    execution = spent / planned * HUNDRED if planned else None
    arrival = received / planned * HUNDRED if planned else None
    return execution, arrival


def satisfaction(survey):
    weights = [num(o.get("weight"), D(0)) for o in survey.get("options", [])]
    means = []
    for q in survey.get("questions", []):
        counts = [num(c, D(0)) for c in q.get("counts", [])]
        total = sum(counts, D(0))
        if total:
            means.append(sum((c * w for c, w in zip(counts, weights)), D(0)) / total)
    return sum(means, D(0)) / len(means) if means else None


def stepped(rule, rate):
    best = None
    for s in rule.get("steps") or []:
        if num(s["min"]) <= rate and (best is None or num(s["min"]) > num(best["min"])):
            best = s
    return num(best["fraction"]) if best else D(0)


def completion(rule, execution, arrival, surveys):
    kind = rule.get("kind")
    if kind == "at_least":
        target, actual = num(rule["target"]), num(rule["actual"])
        if rule.get("steps"):
            return stepped(rule, HUNDRED if target <= 0 else actual / target * HUNDRED)
        return D(1) if actual >= target or target <= 0 else max(actual, D(0)) / target
    if kind == "at_most":
        target, actual = num(rule["target"]), num(rule["actual"])
        if actual <= target:
            return D(1)
        if target <= 0:
            return D(0)
        if rule.get("formula") == "linear":
            return max(D(0), 1 - (actual - target) / target)
        return target / actual
    if kind == "equal":
        target, actual = num(rule["target"]), num(rule["actual"])
        tolerance = abs(num(rule.get("tolerance"), D(0)))
        if abs(actual - target) <= tolerance:
            return D(1)
        return D(0) if target == 0 else max(D(0), 1 - abs(actual - target) / abs(target))
    if kind == "deadline":
        return D(1) if date.fromisoformat(rule["actual"]) <= date.fromisoformat(rule["target"]) else D(0)
    if kind == "qualitative":
        return num(rule.get("fraction"), D(1))
    if kind in ("budget_execution", "fund_arrival"):
        rate = execution if kind == "budget_execution" else arrival
        return stepped(rule, rate) if rule.get("steps") else min(rate / HUNDRED, D(1))
    if kind == "satisfaction":
        actual, target = surveys[rule["survey"]], num(rule["target"])
        if rule.get("steps"):
            return stepped(rule, actual)
        return D(1) if actual >= target or target <= 0 else max(actual, D(0)) / target
    raise ValueError(kind)


def leaves(nodes):
    for n in nodes:
        if "children" in n:
            yield from leaves(n["children"])
        else:
            yield n


def score(doc):
    execution, arrival = budget_rates(doc)
    surveys = {s["id"]: satisfaction(s) for s in doc.get("surveys", [])}
    total = maximum = D(0)
    for leaf in leaves(doc.get("indicators", [])):
        if leaf.get("applicable") is False:
            continue
        points = num(leaf.get("points"), D(0))
        rule = leaf.get("rule", {})
        if rule.get("kind") == "manual":
            got = num(rule["score"])
        else:
            got = points * completion(rule, execution, arrival, surveys)
        total += got.quantize(D("0.01"), ROUND_HALF_UP)
        maximum += points
    percent = total / maximum * HUNDRED if maximum else D(0)
    shown = percent.quantize(D("0.01"), ROUND_HALF_UP)
    grade = next(label for label, low in GRADES if shown >= low)
    return total, shown, grade


def main(args):
    import os
    paths = []
    for a in args:
        if os.path.isdir(a):
            paths += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".json"))
        else:
            paths.append(a)
    totals = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            totals.append(score(json.load(f))[0])
    mean = sum(totals, D(0)) / len(totals) if totals else D(0)
    print(f"{len(totals)} files, mean total {mean.quantize(D('0.01'), ROUND_HALF_UP)}")


if __name__ == "__main__":
    main(sys.argv[1:])
