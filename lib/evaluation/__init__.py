"""Evaluation: `reference_scorer` (the reference scorer, one verbatim copy), `evaluate` (the
project's wrapper around it), `goldsets` (the bundled gold sets, scored blind per article),
`corrections` (an analyst's corrections laid over the extraction; a corrections file is a gold
table too)."""
