"""Reading: files in, `Document`s out.

`sources` lists what to read (folders walked, manifests applied, ids made unique) without
reading it; `files` reads one file (`read_bytes`, `read_path`, `read_manifest`); `formats` has one
reader per file type (txt, md, html, docx, pdf); `decoding` turns bytes of text into str
(UTF-8, GBK, Big5 …); `corpus_store` saves articles into a corpus folder safely.
"""
