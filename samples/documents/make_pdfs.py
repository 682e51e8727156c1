# Writes the corpus PDFs (issue 6) without any library: one text PDF (Helvetica, a text layer pdftotext reads)
# and one "scanned" PDF whose page is only drawn shapes (no text layer), which must go to a person.
def pdf(path, content):
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    open(path, "wb").write(out)

def text_pdf(path, lines):
    body = b"BT /F1 10 Tf 12 TL 40 750 Td\n"
    for line in lines:
        body += b"(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1") + b") '\n"
    pdf(path, body + b"ET")

text_pdf("inbox/pacific-tile-PTS-5520.pdf", [
    "PACIFIC TILE & STONE",
    "410 Quarry Lane, Lakeview, CA 95000",
    "",
    "INVOICE",
    "Invoice No: PTS-5520",
    "Invoice Date: November 12, 2026",
    "Due Date: December 12, 2026",
    "PO Number: PO-103-07",
    "Job: Lakeview Custom Home",
    "",
    "Description                      Qty   Unit Price      Amount",
    "Porcelain floor tile 12x24       420        6.85     2,877.00",
    "Thinset mortar, 50 lb bag         18       24.50       441.00",
    "Grout, sanded, 25 lb              10       31.20       312.00",
    "",
    "Subtotal                                            3,630.00",
    "Sales Tax                                             263.18",
    "Total                                               3,893.18",
])
# A scan: an image-like pattern of filled rectangles, no text operators at all.
shapes = b"".join(b"0.2 g %d %d 180 6 re f\n" % (60 + (i % 2) * 200, 700 - i * 14) for i in range(30))
pdf("inbox/scan-unknown-vendor.pdf", shapes)
