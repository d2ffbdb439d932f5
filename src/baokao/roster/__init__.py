"""Checking a whole class from the spreadsheet a school already keeps (CSV or XLSX).

The package turns a clerk's sheet (GBK or UTF-8 CSV, XLSX; Chinese or English headers;
flat columns for certificates and diplomas) into the contract's cases one row at a time,
checks them with the same code as ``check`` on JSON, and writes the class's results.
Core-level: no textual or rich here.

- :mod:`.columns`: the one table of headers and cell words;
- :mod:`.decode`, :mod:`.xlsx`: rows out of a CSV or a workbook;
- :mod:`.rows`: a row -> a raw case, remembering each field's column;
- :mod:`.check`: the stream of row results; :mod:`.run`: the ``check`` command's output;
- :mod:`.output`: the results file; :mod:`.template`: an empty roster.
"""
