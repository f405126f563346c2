"""Attachment: what a figure is about. Each stage reads the figure and the document's state:

`attribute` (metric and measure), `when` (year and period, over the cues of `timeframe` and the
article's date from `dates`), `status` (actual or target), `where` (zone, over the names `zones`
finds; the article's own zone from `headline` and `article_zone`), `scope` (the zone or a
company, park, project inside it), `enumerations` (分别 lists). `context` is what carries from
sentence to sentence (DocState).
"""
