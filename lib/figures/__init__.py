"""Figures: where the numbers are, before anyone asks what they measure.

`rules` holds the named figure rules (number + unit patterns, each with examples and
counter-examples run as tests); `find` applies them to a normalised text and drops what the spec
says is no fact (ranks, ratios; `filters` for thresholds, names, counts of non-facts); `numbers` parses Chinese and Arabic numerals;
`tables` reads flattened tables ("指标 | 单位 | 1-10月").
"""
