"""Editable documents (DOCX, ODT, XLSX, ODS) of the model acts, forms and checklists.

Generated at build time from the same data as the web pages, in every edition; nothing binary is
kept in the repository. One concern per module:

* ``model`` — the neutral document (headings, paragraphs, notes, tables) every writer lays out;
* ``content`` — the model acts, forms and checklists of ``data/`` as neutral documents;
* ``catalogue`` — which documents exist, in which formats, under which file names;
* ``writer_docx`` (on ``docx_template``) / ``writer_odt`` / ``writer_sheets`` — the writers
  (python-docx, odfpy, openpyxl);
* ``layout`` — page, fonts, colours and column widths shared by the writers;
* ``links`` — the download links of the pages;
* ``package`` — reproducible zip files (fixed timestamps from ``SOURCE_DATE_EPOCH``, fixed order);
* ``build`` — every file of a build, their sizes for the pages, writing them into the site.

hooks/build_documents.py writes the files once per build; the renderers of the templates, model
acts and downloads page link to them (kgo.documents.build.links).
"""
