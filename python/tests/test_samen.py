"""samen.run, samen.read and samen.sweep against the CSV files of the samen
program; threads; every error path of the bindings."""
import os
import subprocess
import threading

import numpy as np
import pandas as pd
import pytest

import samen
from conftest import SCENARIO

ARGS = dict(seed=4, steps=60, set={"output.snapshot_every": 6})
CLI_ARGS = ["--seed", "4", "--steps", "60", "--set", "output.snapshot_every=6"]
ALL = ("orgs", "persons", "graph", "field")


def cli_run(cli, out, *extra):
    subprocess.run([cli, "run", SCENARIO, "--out", str(out), "--quiet", *CLI_ARGS,
                    *extra], check=True)


def fmt(v):
    """A cell as samen writes it: whole numbers as they are, numbers %.6g."""
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return ""
    if isinstance(v, (float, np.floating)):
        return "%.6g" % v
    return str(v)


def assert_same_as_csv(df, path):
    text = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(df.columns) == list(text.columns)
    assert len(df) == len(text) and len(df) > 0
    for name in df.columns:
        got = [fmt(v) for v in df[name].tolist()]
        assert got == text[name].tolist(), f"{path}: column {name} differs"
    # types: as pandas.read_csv reads the file, a column with an empty
    # cell as float64 there and Int64 here
    typed = pd.read_csv(path)
    for name in df.columns:
        mine, theirs = df[name].dtype, typed[name].dtype
        if mine == "Int64" and theirs == np.float64:
            continue
        # a number column whose cells are all whole is int64 to read_csv
        if mine == np.float64 and theirs == np.int64:
            continue
        assert mine == theirs, f"{path}: column {name} is {mine}, read_csv {theirs}"


def test_every_table_equals_the_cli_csv(cli, tmp_path):
    cli_run(cli, tmp_path, "--detail", ",".join(ALL))
    r = samen.run(SCENARIO, detail=ALL, **ARGS)
    for name in ("network", "events", "ties") + ALL:
        assert_same_as_csv(getattr(r, name), tmp_path / f"{name}.csv")


def test_full_precision_and_types():
    r = samen.run(SCENARIO, detail=("persons",), **ARGS)
    assert r.network["trust"].dtype == np.float64
    # a double at full precision, not the CSV's six digits
    assert any(float("%.6g" % v) != v for v in r.network["trust"])
    assert r.events["person"].dtype == "Int64"
    assert r.events["person"].isna().any() and r.events["person"].notna().any()
    assert r.network["step"].dtype == np.int64
    assert r.network["phase"].map(type).eq(str).all()
    assert r.events["org"].isna().any()  # a phase event has no organisation
    assert r.orgs is None and r.graph is None and r.persons is not None


def test_detail_and_set_change_the_run():
    a = samen.run(SCENARIO, seed=4, steps=30)
    b = samen.run(SCENARIO, seed=5, steps=30)
    c = samen.run(SCENARIO, seed=4, steps=30, set={"model.join_rate": 0.05})
    assert a.network["step"].max() == 29
    assert not a.ties.equals(b.ties)
    assert not a.events.equals(c.events)
    pd.testing.assert_frame_equal(a.network, samen.run(SCENARIO, seed=4, steps=30).network)


def test_read_of_a_run_folder_equals_run(cli, tmp_path):
    cli_run(cli, tmp_path, "--detail", "orgs")
    got = samen.read(tmp_path)
    r = samen.run(SCENARIO, detail=("orgs",), **ARGS)
    assert got.persons is None and got.summary is None
    for name in ("network", "events", "ties", "orgs"):
        a, b = getattr(r, name), getattr(got, name)
        assert list(a.dtypes) == list(b.dtypes), name
        pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-5)


SWEEP = """[sweep]
scenario = {scenario}
replicates = 2
seed = 3

[set]
simulation.steps = 30

[vary]
model.join_rate = 0.1, 0.3
"""


def test_sweep_and_read_of_a_sweep_folder(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", os.path.dirname(cli) + os.pathsep + os.environ["PATH"])
    sw = tmp_path / "s.sweep.ini"
    sw.write_text(SWEEP.format(scenario=SCENARIO))
    r = samen.sweep(sw, out=tmp_path / "out", jobs=2)
    assert list(r.manifest["run"]) == [0, 1, 2, 3]
    assert set(r.summary["run"]) == {0, 1, 2, 3}
    assert list(r.network.columns[:4]) == ["run", "point", "replicate", "model.join_rate"]
    assert r.network["person_dependency"].dtype == np.float64
    assert r.events["person"].dtype == "Int64"
    # run 3's rows are samen.run with its seed and point
    row = r.manifest[r.manifest["run"] == 3].iloc[0]
    one = samen.run(SCENARIO, seed=int(row["seed"]), steps=30,
                    set={"model.join_rate": float(row["model.join_rate"])})
    mine = r.network[r.network["run"] == 3].drop(
        columns=["run", "point", "replicate", "model.join_rate"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(one.network, mine, check_exact=False, rtol=1e-5)
    again = samen.read(tmp_path / "out")
    pd.testing.assert_frame_equal(again.ties, r.ties)


def test_threads_give_the_tables_of_runs_one_after_another():
    seeds = [1, 2, 3, 4, 5, 6]
    alone = {s: samen.run(SCENARIO, seed=s, steps=60, detail=ALL) for s in seeds}
    got = {}

    def work(s):
        got[s] = samen.run(SCENARIO, seed=s, steps=60, detail=ALL)

    threads = [threading.Thread(target=work, args=(s,)) for s in seeds]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in seeds:
        for name in ("network", "events", "ties") + ALL:
            pd.testing.assert_frame_equal(getattr(alone[s], name), getattr(got[s], name))


def cli_error(cli, *args):
    p = subprocess.run([cli, "run", *args, "--out", os.devnull + "-none"],
                       stderr=subprocess.PIPE, text=True)
    assert p.returncode == 2
    return p.stderr.splitlines()[0][len("samen: "):]


def test_a_bad_scenario_raises_the_cli_message(cli, tmp_path):
    bad = tmp_path / "bad.ini"
    bad.write_text(open(SCENARIO).read().replace("[simulation]", "[simulation]\nstepz = 3"))
    with pytest.raises(samen.SamenError) as e:
        samen.run(bad)
    assert str(e.value) == cli_error(cli, str(bad))
    assert "bad.ini:" in str(e.value) and "stepz" in str(e.value)
    with pytest.raises(samen.SamenError) as e:
        samen.run(tmp_path / "missing.ini")
    assert "missing.ini" in str(e.value)
    with pytest.raises(samen.SamenError) as e:
        samen.run(SCENARIO, set={"model.trust0": 2})
    assert str(e.value) == cli_error(cli, SCENARIO, "--set", "model.trust0=2")
    with pytest.raises(samen.SamenError):
        samen.run(SCENARIO, set={"no.such_key": 1})
    with pytest.raises(samen.SamenError):
        samen.read(tmp_path)  # neither a run nor a sweep folder
    # the process goes on: a good run after the errors
    assert len(samen.run(SCENARIO, seed=1, steps=5).network) > 0


@pytest.mark.parametrize("call, exc", [
    (lambda: samen.run(42), TypeError),
    (lambda: samen.run(SCENARIO, seed="4"), TypeError),
    (lambda: samen.run(SCENARIO, seed=True), TypeError),
    (lambda: samen.run(SCENARIO, steps=2.5), TypeError),
    (lambda: samen.run(SCENARIO, detail=("orgs", "nope")), ValueError),
    (lambda: samen.run(SCENARIO, detail=3), TypeError),
    (lambda: samen.run(SCENARIO, set=["model.join_rate"]), TypeError),
    (lambda: samen.run(SCENARIO, set={"model.join_rate": [1]}), TypeError),
    (lambda: samen.run(SCENARIO, set={"model.join_rate": float("nan")}), ValueError),
    (lambda: samen.run(SCENARIO, set={3: 1}), TypeError),
    (lambda: samen.read(3.5), TypeError),
    (lambda: samen.sweep(None), TypeError),
])
def test_a_wrong_argument_is_an_error_of_python(call, exc):
    with pytest.raises(exc):
        call()


def test_help_reads_like_the_man_page():
    doc = samen.run.__doc__
    for word in ("scenario", "seed", "steps", "set", "detail", "SamenError"):
        assert word in doc
    assert "samen.read(path)" in samen.read.__doc__
