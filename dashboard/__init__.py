"""Streamlit-side helpers of the Zone Metrics dashboard.

The page scripts under pages/ describe the UI; these modules do the work:
data (loading, folding, filtering), filters (sidebar + URL), charts (DataFrame -> Figure),
export (download bytes), text (escaping + highlighting), labels (Chinese names), ui (widgets).
Only data/filters/export/ui import Streamlit; charts, text and labels are plain Python.
"""
