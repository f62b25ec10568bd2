"""Open data: CSV rows flatten nested values; forms become per-edition CSV files."""

from __future__ import annotations

import csv
import io

from kgo.opendata.files import dataset_csv, open_data_files, template_csv


def rows(text):
    return list(csv.reader(io.StringIO(text)))


def test_dataset_csv_flattens_records():
    doc = {"items": [{"id": "a", "name": {"sr": "Niš", "en": "Nis"}, "codes": ["58.11", "90.01"]},
                     {"id": "b", "extra": 3}]}
    assert rows(dataset_csv(doc)) == [
        ["id", "name.sr", "name.en", "codes", "extra"],
        ["a", "Niš", "Nis", "58.11; 90.01", ""],
        ["b", "", "", "", "3"],
    ]


def test_template_csv_in_each_edition():
    tpl = {"id": "plan", "columns": [{"sr": "Mera", "en": "Measure"}, {"sr": "Rok", "en": "Deadline"}]}
    assert rows(template_csv(tpl, "sr")) == [["Mera", "Rok"]]
    assert rows(template_csv(tpl, "en")) == [["Measure", "Deadline"]]
    assert rows(template_csv(tpl, "cyr")) == [["Мера", "Рок"]]


def test_every_dataset_and_form_gets_files():
    files = open_data_files({"templates_handbook": {"templates": [{"id": "plan", "columns": [
        {"sr": "Mera", "en": "Measure"}]}]}})
    assert sorted(files) == [
        "obrasci/handbook-plan-en.csv", "obrasci/handbook-plan-sr-cyrl.csv", "obrasci/handbook-plan-sr-latn.csv",
        "otvoreni-podaci/templates_handbook.csv", "otvoreni-podaci/templates_handbook.json"]
