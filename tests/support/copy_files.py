"""copy_files: what the query checkers share. Reads the COPY files and manifest.json that
`seedgen --out DIR` writes (the generator's own output, independent of the database), and runs a file of
sql/queries (or one statement) with psql. Values stay text, exactly as written; None is NULL in the COPY
files and '' in query results."""
import csv
import io
import json
import os
import subprocess
from datetime import datetime, timezone

_ESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", "v": "\v"}


def unescape(field):
    """unescape: one field of COPY text format; \\N is NULL."""
    if field == "\\N":
        return None
    if "\\" not in field:
        return field
    out, index = [], 0
    while index < len(field):
        char = field[index]
        if char == "\\" and index + 1 < len(field):
            out.append(_ESCAPES.get(field[index + 1], field[index + 1]))
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def parse_timestamp(text):
    """parse_timestamp: a COPY timestamptz such as '2024-08-12 10:15:46+00', as an aware UTC datetime."""
    return datetime.strptime(text + "00", "%Y-%m-%d %H:%M:%S%z").astimezone(timezone.utc)


class CopyFiles:
    """CopyFiles: the tables of one `seedgen --out DIR` folder, row by row, as dicts keyed by column."""

    def __init__(self, folder):
        self.folder = folder
        with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as handle:
            self.manifest = json.load(handle)
        self.tables = {table["table"]: table for table in self.manifest["tables"]}

    @property
    def as_of(self):
        return self.manifest["as_of"]

    def rows(self, table):
        spec = self.tables["public." + table]
        columns = [name.strip() for name in spec["columns"].split(",")]
        with open(os.path.join(self.folder, spec["file"]), encoding="utf-8") as handle:
            for line in handle:
                fields = [unescape(field) for field in line.rstrip("\n").split("\t")]
                yield dict(zip(columns, fields))

    def accounts(self):
        return sorted(row["id"] for row in self.rows("cloud_accounts"))


def run_query(url, query_file, **variables):
    """run_query: the rows of `query_file` run with the psql variables given (account_id, as_of, ...)."""
    command = ["psql", url, "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1"]
    for name, value in variables.items():
        command += ["-v", "%s=%s" % (name, value)]
    output = subprocess.run(command + ["-f", query_file], check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(output)))


def run_sql(url, statement):
    """run_sql: the rows of one SQL statement, as dicts of text."""
    output = subprocess.run(["psql", url, "-X", "-q", "--csv", "-v", "ON_ERROR_STOP=1", "-c", statement],
                            check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(output)))
