"""Printers for the print tests: the workstation has the printers named, and each job is a PDF
file in a folder (QPrinter's PdfFormat), so what was printed can be opened and counted."""

from PySide6.QtPrintSupport import QPrinter

from dms.ui.common import printing


def install(monkeypatch, folder, *names) -> list[tuple[str, str]]:
    """The jobs as (printer, file), in the order they were started."""
    jobs: list[tuple[str, str]] = []
    monkeypatch.setattr(printing, "available_printers", lambda: list(names))

    def new_printer(name):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(folder / f"job-{len(jobs)}.pdf"))
        printer.setResolution(150)
        jobs.append((name, printer.outputFileName()))
        return printer

    monkeypatch.setattr(printing, "new_printer", new_printer)
    return jobs
