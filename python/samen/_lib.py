"""The C library libsamen.so.0 through ctypes: its functions' signatures,
the error record, and the schema of the output tables it reports."""

import ctypes

SONAME = "libsamen.so.0"

# samen_kind (include/samen/memory.h)
KIND_INT, KIND_NUM, KIND_TEXT = 0, 1, 2


class Error(ctypes.Structure):
    """samen_error (include/samen/error.h)."""
    _fields_ = [("code", ctypes.c_int), ("line", ctypes.c_int),
                ("file", ctypes.c_char * 512), ("key", ctypes.c_char * 160),
                ("msg", ctypes.c_char * 1024)]


def _load():
    # the dynamic loader's search (LD_LIBRARY_PATH, the ld.so cache)
    lib = ctypes.CDLL(SONAME)
    c_int, c_char_p, c_void_p = ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p
    err_p = ctypes.POINTER(Error)
    sigs = {
        "samen_library_init": (c_int, [err_p]),
        "samen_error_line": (None, [err_p, c_char_p, ctypes.c_size_t]),
        "samen_scenario_load": (c_int, [ctypes.POINTER(c_void_p), c_char_p,
                                        ctypes.POINTER(c_char_p), c_int, err_p]),
        "samen_scenario_free": (None, [c_void_p]),
        "samen_schema_tables": (c_int, []),
        "samen_schema_table": (c_char_p, [c_int]),
        "samen_schema_detail": (c_char_p, [c_int]),
        "samen_schema_columns": (c_int, [c_int]),
        "samen_schema_column": (c_char_p, [c_int, c_int]),
        "samen_schema_kind": (c_int, [c_int, c_int]),
        "samen_schema_nullable": (c_int, [c_int, c_int]),
        "samen_run_tables": (c_int, [c_void_p, ctypes.POINTER(c_void_p), err_p]),
        "samen_result_free": (None, [c_void_p]),
        "samen_result_has": (c_int, [c_void_p, c_int]),
        "samen_result_rows": (ctypes.c_int64, [c_void_p, c_int]),
        "samen_result_ints": (ctypes.POINTER(ctypes.c_int64), [c_void_p, c_int, c_int]),
        "samen_result_nums": (ctypes.POINTER(ctypes.c_double), [c_void_p, c_int, c_int]),
        "samen_result_codes": (ctypes.POINTER(ctypes.c_int32), [c_void_p, c_int, c_int]),
        "samen_result_levels": (ctypes.c_int32, [c_void_p, c_int, c_int]),
        "samen_result_level": (c_char_p, [c_void_p, c_int, c_int, ctypes.c_int32]),
        "samen_result_missing": (ctypes.POINTER(ctypes.c_uint8), [c_void_p, c_int, c_int]),
    }
    for name, (res, args) in sigs.items():
        f = getattr(lib, name)
        f.restype, f.argtypes = res, args
    lib.samen_library_init(None)
    return lib


lib = _load()


def error_text(err):
    """The error as the CLI prints it, without "samen: "."""
    buf = ctypes.create_string_buffer(2048)
    lib.samen_error_line(ctypes.byref(err), buf, len(buf))
    return buf.value.decode("utf-8", "replace")


class Column:
    def __init__(self, index, name, kind, nullable):
        self.index, self.name, self.kind, self.nullable = index, name, kind, nullable


class Table:
    def __init__(self, index):
        self.index = index
        self.name = lib.samen_schema_table(index).decode()
        d = lib.samen_schema_detail(index)
        self.detail = d.decode() if d else None
        self.columns = [
            Column(c, lib.samen_schema_column(index, c).decode(),
                   lib.samen_schema_kind(index, c),
                   bool(lib.samen_schema_nullable(index, c)))
            for c in range(lib.samen_schema_columns(index))]

    def dtypes(self):
        """pandas dtypes by column name, as the bindings give them."""
        out = {}
        for c in self.columns:
            if c.kind == KIND_INT:
                out[c.name] = "Int64" if c.nullable else "int64"
            elif c.kind == KIND_NUM:
                out[c.name] = "float64"
            else:
                out[c.name] = object
        return out


TABLES = [Table(t) for t in range(lib.samen_schema_tables())]
