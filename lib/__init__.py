"""Zone Metrics extraction engine: articles in, the tidy facts table out.

Public API:
    extract_facts(source) -> DataFrame          files and folders (str/Path) and Documents
    extract_batch(source) -> (DataFrame, errors)  the same, one ReadError per bad document
    extract_text(text, doc_id=, title=, published=, url=, zone=) -> DataFrame   one text
    extract_document(doc) -> DataFrame          one Document
    read_documents(paths) -> (documents, errors)
    read_bytes(name, data) -> Document          an uploaded file (raises ReadError)
    number_spans(text) -> list[(start, end)]    every number-looking span (offsets into text)
    metric_labels() -> {metric key: Chinese label}
    FACT_COLUMNS, FACTS_SCHEMA, Document, ReadError
"""
from lib.api import extract_batch, extract_document, extract_facts, extract_text
from lib.documents import Document, ReadError
from lib.figures.find import number_spans
from lib.reference.lexicon import metric_labels
from lib.reading.files import read_bytes
from lib.reading.sources import read_documents
from lib.schema import FACT_COLUMNS, FACTS_SCHEMA

__all__ = ["extract_facts", "extract_batch", "extract_text", "extract_document", "read_documents",
           "read_bytes", "number_spans", "metric_labels", "FACT_COLUMNS", "FACTS_SCHEMA", "Document", "ReadError"]
