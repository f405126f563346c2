"""Figures: where the numbers are, before anyone asks what they measure.

`rules` holds the named figure rules (number + unit patterns, each with examples and
counter-examples run as tests); `find` applies them to a normalised text and drops ranks and
ratios; `filters` tells the other non-facts from the words around a figure (thresholds,
names, counts of indicators or visits); `numbers` parses Chinese and Arabic numerals;
`tables` reads flattened tables ("指标 | 单位 | 1-10月").
"""
