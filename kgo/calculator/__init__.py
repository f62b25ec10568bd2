"""The valorisation calculator as spreadsheets (XLSX and ODS) and CSV files, built from
``data/valorization.yaml`` at build time.

One concern per module:

* :mod:`.model` — a workbook as plain data: sheets, cells (constants, inputs, formulas), styles,
  validations; nothing about a file format;
* :mod:`.formulas` — references and formulas written once, rendered for Excel (XLSX) and for
  OpenDocument (ODS);
* :mod:`.layout` — where every input, parameter and result sits (shared with the tests);
* :mod:`.inputs` and :mod:`.results` — the sheets: instructions, parameters, inputs, checks, and
  the result sheets, every result a live formula;
* :mod:`.xlsx` and :mod:`.ods` — the two writers;
* :mod:`.csvfiles` — the CSV templates, the worked example as CSV and its results;
* :mod:`.files` — every file of the calculator, with reproducible bytes, and where it goes in the site.

hooks/build_calculator.py writes the files once per build (not under ``mkdocs serve``).
"""
