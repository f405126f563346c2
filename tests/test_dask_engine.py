"""lib/scale/dask_engine.py on a local Dask cluster of two worker processes: the dataset written
is, part after part, the table lib.extract_batch returns."""
from __future__ import annotations

import shutil
from dataclasses import replace

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from distributed import LocalCluster

from lib import ReadError, extract_batch, read_documents
from lib.__main__ import main
from lib.scale.dask_engine import InputError, documents_of_frame, extract_dask
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def scheduler():
    """One cluster for the whole file (starting one costs seconds)."""
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def expected():
    return extract_batch(CORPUS)


def parts_of(folder):
    """The dataset read back part by part, concatenated in name order."""
    names = sorted(p.name for p in folder.iterdir())
    assert names and all(n.startswith("part-") and n.endswith(".parquet") for n in names), names
    return names, pd.concat([pd.read_parquet(folder / n) for n in names], ignore_index=True)


def texts_dataset(folder, docs, n_files=3):
    """The Documents as a Parquet dataset of texts: n_files files, two row groups each."""
    frame = pd.DataFrame({"doc_id": [d.doc_id for d in docs], "text": [d.text for d in docs],
                          "title": [d.title for d in docs], "zone": [d.zone for d in docs],
                          "published": [d.published for d in docs], "url": [d.url for d in docs]})
    folder.mkdir()
    size = -(-len(frame) // n_files)
    for i in range(n_files):
        piece = frame.iloc[i * size:(i + 1) * size]
        pq.write_table(pa.Table.from_pandas(piece, preserve_index=False), folder / f"texts-{i}.parquet",
                       row_group_size=max(1, -(-len(piece) // 2)))
    return folder


def test_a_folder_gives_the_table_of_extract_batch(scheduler, expected, tmp_path):
    facts, errors = expected
    n, errs = extract_dask(CORPUS, tmp_path / "out", scheduler=scheduler)
    assert (n, errs) == (len(facts), []) and errors == []
    _, got = parts_of(tmp_path / "out")
    pd.testing.assert_frame_equal(got, facts)
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "out"), facts)   # as a dataset, too
    assert list(got.columns) == list(facts.columns)


def test_many_chunks_keep_the_batch_order(scheduler, expected, tmp_path, monkeypatch):
    monkeypatch.setattr("lib.scale.parallel.CHUNK_BYTES", 12_000)   # chunks are cut here, in the client
    n, errs = extract_dask([CORPUS], tmp_path / "out", scheduler=scheduler)
    names, got = parts_of(tmp_path / "out")
    assert len(names) >= 5 and names[0] == "part-00000.parquet"
    pd.testing.assert_frame_equal(got, expected[0])
    assert n == len(got) and errs == []


def test_a_parquet_dataset_of_texts_gives_the_table_of_its_documents(scheduler, tmp_path):
    docs, errors = read_documents(CORPUS)
    assert len(docs) == 21 and errors == []
    texts = texts_dataset(tmp_path / "texts", docs)
    rows, _ = documents_of_frame(pd.read_parquet(texts))
    assert rows == [replace(d, path="") for d in docs]   # the same Documents
    facts, _ = extract_batch(docs)
    n, errs = extract_dask(texts, tmp_path / "out", scheduler=scheduler)
    names, got = parts_of(tmp_path / "out")
    assert len(names) >= 3 and (n, errs) == (len(facts), [])
    pd.testing.assert_frame_equal(got, facts)


def test_one_parquet_file_and_a_row_without_text(scheduler, tmp_path):
    docs, _ = read_documents(CORPUS)
    texts = texts_dataset(tmp_path / "texts", docs[:4], n_files=1) / "texts-0.parquet"
    frame = pd.read_parquet(texts)
    frame.loc[1, "text"] = None
    frame.to_parquet(texts, index=False)
    n, errs = extract_dask(str(texts), tmp_path / "out", scheduler=scheduler)
    assert [(e.name, type(e)) for e in errs] == [(docs[1].doc_id, ReadError)]
    _, got = parts_of(tmp_path / "out")
    pd.testing.assert_frame_equal(got, extract_batch([docs[0], docs[2], docs[3]])[0])


def test_a_bad_file_is_one_error_and_the_rest_is_kept(scheduler, expected, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "garbled.txt").write_bytes(bytes(range(256)))   # no encoding reads it
    n, errs = extract_dask(folder, tmp_path / "out", scheduler=scheduler)
    assert sorted(e.name for e in errs) == [str(folder / "empty.txt"), str(folder / "garbled.txt")]
    assert all(isinstance(e, ReadError) for e in errs)
    facts, batch_errors = extract_batch(folder)
    assert sorted(map(str, errs)) == sorted(map(str, batch_errors))
    _, got = parts_of(tmp_path / "out")
    pd.testing.assert_frame_equal(got, facts)
    pd.testing.assert_frame_equal(got, expected[0])   # the two bad files had nothing to give
    assert n == len(facts)


def test_nothing_to_extract_still_writes_the_schema(tmp_path):
    n, errs = extract_dask(tmp_path / "missing", tmp_path / "out")   # no cluster started
    assert n == 0 and len(errs) == 1 and "missing" in str(errs[0])
    names, got = parts_of(tmp_path / "out")
    pd.testing.assert_frame_equal(got, extract_batch([])[0])


def test_inputs_that_cannot_run_are_refused_before_any_work(tmp_path):
    (tmp_path / "texts.parquet").write_bytes(b"")
    pd.DataFrame({"doc_id": ["a"], "body": ["x"]}).to_parquet(tmp_path / "no_text.parquet")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(InputError, match="not both"):
        extract_dask([CORPUS, tmp_path / "texts.parquet"], tmp_path / "out")
    with pytest.raises(InputError, match="text"):
        extract_dask(tmp_path / "no_text.parquet", tmp_path / "out")
    with pytest.raises(InputError, match="not empty"):
        extract_dask(CORPUS, tmp_path / "full")
    assert not (tmp_path / "out").exists()


def test_the_cli_writes_the_folder(scheduler, expected, tmp_path, capsys):
    out = tmp_path / "facts"
    assert main(["extract", "--engine", "dask", "--scheduler", scheduler, str(CORPUS), "-o", str(out)]) == 0
    _, got = parts_of(out)
    pd.testing.assert_frame_equal(got, expected[0])
    assert f"{len(got)} facts -> {out}" in capsys.readouterr().err


def test_the_cli_starts_a_local_cluster_and_names_bad_files(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("2021年,芜湖经开区实现地区生产总值88.5亿元,同比增长9.1%。", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "new" / "facts"
    assert main(["extract", "--engine", "dask", "--jobs", "1", str(tmp_path / "in"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if line.startswith("error:")] == \
        [f"error: {tmp_path / 'in' / 'empty.txt'}: 空文件 / empty file"]
    _, got = parts_of(out)
    assert list(got["value"]) == [88.5, 9.1] and set(got["doc_id"]) == {"a"}


@pytest.mark.parametrize("args, message", [
    (["--engine", "dask", "-o", "{full}"], "not empty"),
    (["--engine", "dask", "-o", "{file}"], "is a file"),
    (["--scheduler", "tcp://127.0.0.1:8786", "-o", "{tmp}/facts.csv"], "--scheduler needs --engine dask"),
    (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2", "-o", "{tmp}/out"], "--jobs"),
])
def test_the_cli_refuses_bad_options_in_one_line(tmp_path, capsys, args, message):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "part-00000.parquet").write_bytes(b"old")
    (tmp_path / "file").write_text("x")
    args = [a.format(full=tmp_path / "full", file=tmp_path / "file", tmp=tmp_path) for a in args]
    assert main(["extract", *args, str(CORPUS)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("error:") and message in err
    assert not (tmp_path / "out").exists()
