"""The medical-insurance office's side of the claims audit: audit runs stored with their findings
(`runs`), findings and citizens' reports per institution (`institutions`), the institution report
(自查自纠报告: `report`, `report_excel`, `report_pdf`) and the citizens' 骗保 reports (`tips`)."""
