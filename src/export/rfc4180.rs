//! CSV as RFC 4180 has it: comma-separated, CRLF line ends, fields quoted when they hold
//! a comma, quote or line break, quotes doubled. The reader is strict and says where
//! (row and column, counted from 1 as a spreadsheet shows them) it found a problem.

use std::fmt;

use crate::text::swar;

/// Appends one record, ending in CRLF.
pub fn write_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = field.as_ref();
        let needs_quotes = field.contains([',', '"', '\r', '\n'])
            || field.starts_with(char::is_whitespace)
            || field.ends_with(char::is_whitespace);
        if needs_quotes {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// Where a sheet could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub row: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}, column {}: {}", self.row, self.column, self.message)
    }
}

impl std::error::Error for CsvError {}

/// Reads every record. A byte-order mark at the start is skipped; line ends may be CRLF,
/// LF or CR; a last line without a line end is read; a blank line is a record with one
/// empty field (so row numbers stay those a spreadsheet shows).
pub fn read(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let cells = read_cells(text)?;
    Ok(cells
        .records()
        .map(|record| record.iter().map(str::to_owned).collect())
        .collect())
}

/// Every cell of a sheet in one table: records are runs of cells, and each cell is a
/// span of the sheet's text, or of `unquoted` for a cell that held a doubled quote.
#[derive(Debug, Default)]
pub struct Table<'t> {
    text: &'t str,
    unquoted: String,
    spans: Vec<Span>,
    /// Where each record's cells end in `spans`.
    record_ends: Vec<usize>,
}

/// A cell's bytes `start..end`, in `unquoted` when `start` has the [`UNQUOTED`] bit.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: u32,
    end: u32,
}

const UNQUOTED: u32 = 1 << 31;

/// The largest sheet a span can place (both offsets fit below [`UNQUOTED`]).
const MAX_TEXT: usize = UNQUOTED as usize - 1;

impl Table<'_> {
    /// How many records the sheet has.
    pub fn len(&self) -> usize {
        self.record_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.record_ends.is_empty()
    }

    /// Record `r`, counted from 0 (empty past the last).
    pub fn record(&self, r: usize) -> Record<'_> {
        let start = r
            .checked_sub(1)
            .and_then(|p| self.record_ends.get(p))
            .copied()
            .unwrap_or(0);
        let end = self.record_ends.get(r).copied().unwrap_or(start);
        Record {
            text: self.text,
            unquoted: &self.unquoted,
            spans: &self.spans[start..end],
        }
    }

    pub fn first(&self) -> Option<Record<'_>> {
        (!self.is_empty()).then(|| self.record(0))
    }

    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        (0..self.len()).map(|r| self.record(r))
    }

    /// The cells of the record being read.
    fn open_record(&self) -> usize {
        self.spans.len() - self.record_ends.last().copied().unwrap_or(0)
    }

    /// Where the next cell would be, counted from 1 as a spreadsheet shows it.
    fn next_place(&self) -> (usize, usize) {
        (self.len() + 1, self.open_record() + 1)
    }

    fn push(&mut self, start: usize, end: usize) {
        // Both fit: the text is at most MAX_TEXT bytes and `unquoted` is shorter.
        let (start, end) = (start as u32, end as u32);
        self.spans.push(Span { start, end });
    }

    fn end_record(&mut self) {
        self.record_ends.push(self.spans.len());
    }
}

/// One record of [`Table`].
#[derive(Debug, Clone, Copy)]
pub struct Record<'c> {
    text: &'c str,
    unquoted: &'c str,
    spans: &'c [Span],
}

impl<'c> Record<'c> {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Cell `c`, counted from 0.
    pub fn get(&self, c: usize) -> Option<&'c str> {
        self.spans.get(c).map(|span| self.cell(*span))
    }

    pub fn first(&self) -> Option<&'c str> {
        self.get(0)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'c str> + use<'c> {
        let record = *self;
        record.spans.iter().map(move |span| record.cell(*span))
    }

    fn cell(&self, span: Span) -> &'c str {
        let (text, start) = if span.start & UNQUOTED == 0 {
            (self.text, span.start)
        } else {
            (self.unquoted, span.start & !UNQUOTED)
        };
        text.get(start as usize..span.end as usize).unwrap_or_default()
    }
}

/// Like [`read`], into one table of cells borrowed from `text` (no copy of the sheet's
/// text cell by cell, no list per record). Text between quotes and separators is
/// skipped a run at a time.
pub fn read_cells(text: &str) -> Result<Table<'_>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_TEXT {
        return Err(CsvError {
            row: 1,
            column: 1,
            message: format!(
                "the sheet is over {} MiB, more than cxmap reads: split it",
                MAX_TEXT >> 20
            ),
        });
    }
    let bytes = text.as_bytes();
    let mut cells = Table {
        text,
        ..Table::default()
    };
    let error = |cells: &Table, message: &str| {
        let (row, column) = cells.next_place();
        CsvError {
            row,
            column,
            message: message.to_owned(),
        }
    };
    let mut at = 0;
    // Each turn reads one field and the separator or line end after it.
    while at < bytes.len() {
        if bytes[at] == b'"' {
            let opened = cells.next_place();
            at += 1;
            // Where the cell starts in `unquoted`, once it held a doubled quote.
            let mut doubled: Option<usize> = None;
            let mut run = at;
            let span = loop {
                let Some(quote) = find(bytes, at, [b'"']) else {
                    return Err(CsvError {
                        row: opened.0,
                        column: opened.1,
                        message: "this cell's opening quote is never closed".to_owned(),
                    });
                };
                at = quote + 1;
                if bytes.get(at) == Some(&b'"') {
                    // One quote of the two is kept.
                    doubled.get_or_insert(cells.unquoted.len());
                    cells.unquoted.push_str(&text[run..at]);
                    at += 1;
                    run = at;
                } else {
                    break match doubled {
                        Some(start) => {
                            cells.unquoted.push_str(&text[run..quote]);
                            (start | UNQUOTED as usize, cells.unquoted.len())
                        }
                        None => (run, quote),
                    };
                }
            };
            if !matches!(bytes.get(at), None | Some(b',' | b'\r' | b'\n')) {
                return Err(error(
                    &cells,
                    "text after the closing quote of a cell (double a quote inside a quoted cell)",
                ));
            }
            cells.push(span.0, span.1);
        } else {
            let end = find(bytes, at, [b',', b'\r', b'\n', b'"']).unwrap_or(bytes.len());
            if bytes.get(end) == Some(&b'"') {
                return Err(error(
                    &cells,
                    "a quote inside a cell that does not start with one (quote the whole cell and double the quote)",
                ));
            }
            cells.push(at, end);
            at = end;
        }
        match bytes.get(at) {
            Some(b',') => {
                at += 1;
                if at == bytes.len() {
                    // A comma at the very end leaves one more, empty, field.
                    cells.push(at, at);
                }
            }
            Some(b'\r') if bytes.get(at + 1) == Some(&b'\n') => {
                at += 2;
                cells.end_record();
            }
            Some(_) => {
                at += 1;
                cells.end_record();
            }
            None => {}
        }
    }
    if cells.open_record() > 0 {
        cells.end_record();
    }
    Ok(cells)
}

/// The first index from `from` whose byte is one of `stops`, passing eight bytes at a
/// time over runs without any.
fn find<const N: usize>(bytes: &[u8], from: usize, stops: [u8; N]) -> Option<usize> {
    let mut at = from;
    while let Some(eight) = bytes.get(at..at + 8)
        && !holds_any(eight, stops)
    {
        at += 8;
    }
    bytes
        .get(at..)?
        .iter()
        .position(|b| stops.contains(b))
        .map(|i| at + i)
}

/// Whether eight bytes hold one of `stops`, tested at once.
fn holds_any<const N: usize>(eight: &[u8], stops: [u8; N]) -> bool {
    swar::word(eight).is_none_or(|word| stops.iter().any(|&stop| swar::has_byte(word, stop)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(records: &[Vec<&str>]) -> String {
        let mut out = String::new();
        for record in records {
            write_record(&mut out, record);
        }
        out
    }

    #[test]
    fn quotes_only_what_needs_quoting() {
        assert_eq!(
            write(&[vec!["a", "b,c", "say \"hi\"", "two\nlines", " pad"]]),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\"\r\n"
        );
    }

    #[test]
    fn reads_back_what_it_writes() {
        let records = vec![
            vec!["stage", "text"],
            vec!["Käufe, 購入", "\"quoted\", with\r\nbreaks\nand \u{1F600}"],
            vec!["", ""],
        ];
        let text = write(&records);
        let read_back = read(&text).unwrap();
        assert_eq!(read_back, records);
    }

    #[test]
    fn accepts_lf_cr_bom_and_a_last_line_without_an_end() {
        assert_eq!(
            read("\u{feff}a,b\nc,d\re,f").unwrap(),
            vec![vec!["a", "b"], vec!["c", "d"], vec!["e", "f"]]
        );
        assert_eq!(read("").unwrap(), Vec::<Vec<String>>::new());
        assert_eq!(read("a\n\nb\n").unwrap(), vec![vec!["a"], vec![""], vec!["b"]]);
    }

    #[test]
    fn cells_of_every_length_read_back() {
        // Separators, line ends and quotes at every offset of the eight-byte runs.
        let records: Vec<Vec<String>> = (0..20)
            .map(|n| {
                let plain = "é".repeat(n / 2) + &"x".repeat(n % 2);
                vec![
                    plain.clone(),
                    format!("{plain},\"{plain}"),
                    String::new(),
                    plain + "\n",
                ]
            })
            .collect();
        let text = write(
            &records
                .iter()
                .map(|r| r.iter().map(String::as_str).collect())
                .collect::<Vec<_>>(),
        );
        assert_eq!(read(&text).unwrap(), records);
        let table = read_cells(&text).unwrap();
        assert_eq!(table.len(), records.len());
        assert_eq!(table.record(3).get(1), Some("éx,\"éx"));
        assert_eq!(table.record(99).get(0), None);
    }

    #[test]
    fn problems_name_row_and_column() {
        let error = read("a,b\nc,d\"e\n").unwrap_err();
        assert_eq!((error.row, error.column), (2, 2));
        let error = read("a,\"b\"x\n").unwrap_err();
        assert_eq!((error.row, error.column), (1, 2));
        let error = read("a\nb,c,\"never closed\n\n").unwrap_err();
        assert_eq!((error.row, error.column), (2, 3));
        assert!(error.to_string().starts_with("row 2, column 3: "), "{error}");
    }
}
