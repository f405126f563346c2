"""Scale: `parallel` (a batch on all cores, in chunks), `dask_engine` (the same unit of work on a
Dask cluster, a Parquet dataset out), `fact_cache` (facts cached per article by content and
rules version, so unchanged articles are never extracted twice)."""
