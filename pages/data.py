"""数据 Data: the filtered facts table, every mention, downloadable as CSV, Excel, Parquet."""
import streamlit as st

from dashboard import data, export, ui

ui.ensure_frame()  # first: a page opened by itself runs inside app.py's frame
SHOWN_ROWS = 10_000   # sending a million rows to st.dataframe costs seconds a rerun
app, f = ui.app_data(), ui.app_filters()

st.title("数据")
st.caption("侧栏筛选后的整洁数据表（每次提到各占一行，不合并重复）。下载的文件使用指标英文键（metric 列）。")
rows = data.filter_facts(app.facts, f)
shown = rows.head(SHOWN_ROWS)   # the browser gets a screenful; the downloads get every row
st.caption(f"{len(rows)} 条" + (f"（表中显示前 {SHOWN_ROWS:,} 条，下载文件包含全部）" if len(rows) > SHOWN_ROWS else ""))
st.dataframe(ui.display_table(shown), hide_index=True, height=480, width="stretch")
stem = export.file_stem(f.metric, rows["zone"].unique().tolist(),   # the distinct zones and years
                        rows["year"].dropna().unique().tolist(), "facts")   # are all a name needs
ui.table_downloads(rows.reset_index(drop=True), stem, key="data")
