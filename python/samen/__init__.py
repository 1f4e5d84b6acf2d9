"""samen from Python: run a scenario in process and get its tables as pandas
DataFrames, read a run or a collected sweep folder, run a sweep.

    import samen
    r = samen.run("scenarios/brede-school-molenbeek.ini", seed=4, steps=104)
    r.network        # the rows of network.csv, as a DataFrame
    r.events, r.ties # events.csv, ties.csv

The DataFrames have the CSV files' columns (FORMATS.md "Outputs") with
their types: whole numbers as int64 (Int64 where a cell can be empty, as
events.person), numbers as float64 at the model's full precision, text as
strings, empty cells as missing values. Errors raise samen.SamenError with
the message samen's command line prints.
"""

import ctypes
import math
import numbers
import os
import shutil
import subprocess

import numpy as np
import pandas as pd

from samen import _lib

__all__ = ["run", "read", "sweep", "Result", "SamenError"]

TABLES = {t.name: t for t in _lib.TABLES}
DETAIL_WORDS = sorted(t.detail for t in _lib.TABLES if t.detail)


class SamenError(Exception):
    """A run, read or sweep that samen refused or that failed; the text is
    samen's message: file, line, key and what was wrong."""


class Result:
    """The tables of a run (or of a collected sweep) as DataFrames:
    network, events, ties, and orgs, persons, graph, field where the run wrote
    them (else None); a sweep's also has summary and manifest."""

    def __init__(self, tables):
        self.tables = dict(tables)
        for name in list(TABLES) + ["summary", "manifest"]:
            setattr(self, name, self.tables.get(name))

    def __repr__(self):
        parts = ", ".join(f"{k}: {len(v)} rows" for k, v in self.tables.items())
        return f"<samen.Result {parts}>"


def _path(value, what):
    if isinstance(value, (str, os.PathLike)):
        return os.fspath(value)
    raise TypeError(f"{what} must be a path (str or os.PathLike), not "
                    f"{type(value).__name__}")


def _whole(value, what):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{what} must be a whole number, not {type(value).__name__}")
    return int(value)


def _set_value(key, value):
    """A --set value as text: a number (the shortest text that reads back)
    or a word."""
    if isinstance(value, bool):
        raise TypeError(f"set[{key!r}] must be a number or a word, not bool")
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        if not math.isfinite(value):
            raise ValueError(f"set[{key!r}] is {value}, not a finite number")
        return repr(float(value))
    if isinstance(value, str):
        if "\n" in value:
            raise ValueError(f"set[{key!r}] holds a line break")
        return value
    raise TypeError(f"set[{key!r}] must be a number or a word, not "
                    f"{type(value).__name__}")


def _overrides(seed, steps, set, detail):
    out = []
    if set is not None:
        if not isinstance(set, dict):
            raise TypeError(f"set must be a dict of keys to values, not "
                            f"{type(set).__name__}")
        for key, value in set.items():
            if not isinstance(key, str) or not key or "=" in key:
                raise TypeError(f"set's key {key!r} is not a scenario key")
            out.append(f"{key}={_set_value(key, value)}")
    if seed is not None:
        out.append(f"simulation.seed={_whole(seed, 'seed')}")
    if steps is not None:
        out.append(f"simulation.steps={_whole(steps, 'steps')}")
    if isinstance(detail, str):
        detail = (detail,) if detail else ()
    try:
        words = list(detail)
    except TypeError:
        raise TypeError(f"detail must be words ({', '.join(DETAIL_WORDS)}), not "
                        f"{type(detail).__name__}") from None
    for w in words:
        if w not in DETAIL_WORDS:
            raise ValueError(f"detail {w!r} is not one of {', '.join(DETAIL_WORDS)}")
    if words:
        out.append("output.detail=" + ",".join(words))
    return out


def _column(res, table, col):
    lib, t, c = _lib.lib, table.index, col.index
    n = lib.samen_result_rows(res, t)
    if col.kind == _lib.KIND_TEXT:
        levels = np.empty(lib.samen_result_levels(res, t, c) + 1, dtype=object)
        for i in range(len(levels) - 1):
            levels[i] = lib.samen_result_level(res, t, c, i).decode("utf-8")
        levels[-1] = np.nan  # code -1, an empty cell
        if n == 0:
            return np.empty(0, dtype=object)
        codes = np.ctypeslib.as_array(lib.samen_result_codes(res, t, c), shape=(n,))
        return levels[codes]
    if col.kind == _lib.KIND_NUM:
        if n == 0:
            return np.empty(0, dtype=np.float64)
        return np.ctypeslib.as_array(lib.samen_result_nums(res, t, c), shape=(n,)).copy()
    values = (np.ctypeslib.as_array(lib.samen_result_ints(res, t, c), shape=(n,)).copy()
              if n else np.empty(0, dtype=np.int64))
    if not col.nullable:
        return values
    miss = lib.samen_result_missing(res, t, c)
    mask = (np.ctypeslib.as_array(miss, shape=(n,)).astype(bool)
            if n and miss else np.zeros(n, dtype=bool))
    return pd.arrays.IntegerArray(values, mask)


def _frames(res):
    out = {}
    for name, table in TABLES.items():
        if _lib.lib.samen_result_has(res, table.index):
            out[name] = pd.DataFrame({c.name: _column(res, table, c)
                                      for c in table.columns}, copy=False)
    return out


def run(scenario, *, seed=None, steps=None, set=None, detail=()):
    """Runs a scenario in this process and returns its tables.

    samen.run(scenario, *, seed=None, steps=None, set=None, detail=())

    scenario  path of the scenario file (INI), as `samen run SCENARIO`
    seed      the run's seed (--seed): a whole number
    steps     the number of steps (--steps): a whole number
    set       a dict of scenario keys to values (--set KEY=VALUE), e.g.
              {"model.join_rate": 0.3, "output.snapshot_every": 4};
              values are numbers or words
    detail    the extra tables to return (--detail): any of "orgs",
              "persons", "graph", "field"

    Returns a samen.Result whose attributes network, events and ties (and
    orgs, persons, graph, field when asked) are DataFrames equal to the CSV files
    `samen run` writes with the same arguments, at full precision.
    No file is written. Raises samen.SamenError with samen's message for a
    scenario samen refuses, TypeError or ValueError for a wrong argument.
    """
    path = _path(scenario, "scenario")
    ovr = _overrides(seed, steps, set, detail)
    lib = _lib.lib
    err = _lib.Error()
    arr = (ctypes.c_char_p * max(len(ovr), 1))(*[o.encode() for o in ovr])
    sc = ctypes.c_void_p()
    if lib.samen_scenario_load(ctypes.byref(sc), path.encode(), arr, len(ovr),
                               ctypes.byref(err)) != 0:
        raise SamenError(_lib.error_text(err))
    res = ctypes.c_void_p()
    try:
        if lib.samen_run_tables(sc, ctypes.byref(res), ctypes.byref(err)) != 0:
            raise SamenError(_lib.error_text(err))
        try:
            return Result(_frames(res))
        finally:
            lib.samen_result_free(res)
    finally:
        lib.samen_scenario_free(sc)


def _read_csv(path, table):
    """A table's CSV file with the types samen.run gives its columns; the
    leading columns of a collected sweep (run, point, the varied keys) as
    pandas reads them."""
    dtypes = table.dtypes() if table else {}
    # only an empty cell is missing: "NA" or "null" may be an id
    df = pd.read_csv(path, keep_default_na=False, na_values=[""],
                     dtype={k: v for k, v in dtypes.items() if v is object})
    for name, dtype in dtypes.items():
        if name in df.columns and dtype is not object:
            df[name] = df[name].astype(dtype)
    return df


def read(path):
    """Reads a run folder (what `samen run` wrote) or a collected sweep
    folder (after `samen collect`) into a samen.Result.

    samen.read(path)

    A run folder gives network, events, ties (and orgs, persons, graph
    where written); a sweep folder also summary and manifest, and its
    tables begin with run, point, replicate and the varied keys. The
    columns have the types samen.run gives them.
    """
    folder = _path(path, "path")
    if not os.path.isdir(folder):
        raise SamenError(f"{folder}: not a folder")
    sweep_folder = os.path.exists(os.path.join(folder, "manifest.csv"))
    if not sweep_folder and not os.path.exists(os.path.join(folder, "run.ini")):
        raise SamenError(f"{folder}: neither a run folder (run.ini) nor a sweep "
                         "folder (manifest.csv)")
    tables = {}
    for name, table in TABLES.items():
        f = os.path.join(folder, f"{name}.csv")
        if os.path.exists(f):
            tables[name] = _read_csv(f, table)
    if sweep_folder:
        if "network" not in tables:
            raise SamenError(f"{folder}: the sweep is not collected; run "
                             f"`samen collect {folder}` first")
        for name in ("summary", "manifest"):
            f = os.path.join(folder, f"{name}.csv")
            if os.path.exists(f):
                tables[name] = _read_csv(f, None)
    return Result(tables)


def _samen_program():
    exe = shutil.which("samen")
    if not exe:
        raise SamenError("the samen program is not on the PATH (make install "
                         "puts it in PREFIX/bin)")
    return exe


def _call(args):
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if p.returncode != 0:
        lines = [l for l in p.stderr.splitlines() if l.strip()]
        msg = "\n".join(l[len("samen: "):] if l.startswith("samen: ") else l
                        for l in lines) or f"{args[1]} ended with status {p.returncode}"
        raise SamenError(msg)


def sweep(path, *, out=None, jobs=None):
    """Runs a sweep file with the installed samen program, collects it and
    returns samen.read(out).

    samen.sweep(path, *, out=None, jobs=None)

    path  the sweep file, as `samen sweep SWEEP`
    out   the output folder (--out; default results/NAME/ as samen sweep)
    jobs  runs at a time (-j; default: the CPUs samen may use)
    """
    sweep_file = _path(path, "path")
    exe = _samen_program()
    args = [exe, "sweep", sweep_file, "--quiet"]
    if out is None:
        name = os.path.basename(sweep_file)
        out = os.path.join("results", name[:-4] if name.endswith(".ini") else name)
    out = _path(out, "out")
    args += ["--out", out]
    if jobs is not None:
        args += ["-j", str(_whole(jobs, "jobs"))]
    _call(args)
    _call([exe, "collect", out])
    return read(out)
