"""Zone Metrics extraction engine: articles in, the tidy facts table out.

Public API:
    extract_facts(source, manifest=None) -> DataFrame   (files, folders, Documents or text)
    extract_document(doc) -> DataFrame                   (one Document)
    read_documents(paths) -> (documents, errors)         (files/folders, errors per bad file)
    read_bytes(name, data) -> Document                   (an uploaded file)
    number_spans(text) -> list[(start, end)]             (every number-looking span)
    FACT_COLUMNS, metric_labels()
"""
from lib.documents import Document, ReadError
from lib.schema import FACT_COLUMNS
