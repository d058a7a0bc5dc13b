//! CSV as RFC 4180 has it: comma-separated, CRLF line ends, fields quoted when they hold
//! a comma, quote or line break, quotes doubled. The reader is strict and says where
//! (row and column, counted from 1 as a spreadsheet shows them) it found a problem.

use std::borrow::Cow;
use std::fmt;

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
/// empty field (so row numbers stay those a spreadsheet shows). Text between quotes and
/// separators is copied a run at a time.
pub fn read(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    Ok(read_cells(text)?
        .into_iter()
        .map(|record| record.into_iter().map(Cow::into_owned).collect())
        .collect())
}

/// Like [`read`], each cell borrowed from `text` unless it held a doubled quote: no
/// copy of the sheet's text cell by cell.
pub fn read_cells(text: &str) -> Result<Vec<Vec<Cow<'_, str>>>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut records: Vec<Vec<Cow<str>>> = Vec::new();
    let mut record: Vec<Cow<str>> = Vec::new();
    let error = |record: &Vec<Cow<str>>, records: &Vec<Vec<Cow<str>>>, message: &str| CsvError {
        row: records.len() + 1,
        column: record.len() + 1,
        message: message.to_owned(),
    };
    let mut at = 0;
    // Each turn reads one field and the separator or line end after it.
    while at < bytes.len() {
        let field: Cow<str>;
        if bytes[at] == b'"' {
            let opened = (records.len() + 1, record.len() + 1);
            at += 1;
            // The cell so far, only once it held a doubled quote (else it is borrowed).
            let mut doubled: Option<String> = None;
            let mut run = at;
            loop {
                let Some(quote) = find(bytes, at, |b| b == b'"') else {
                    return Err(CsvError {
                        row: opened.0,
                        column: opened.1,
                        message: "this cell's opening quote is never closed".to_owned(),
                    });
                };
                at = quote + 1;
                if bytes.get(at) == Some(&b'"') {
                    // One quote of the two is kept.
                    doubled.get_or_insert_with(String::new).push_str(&text[run..at]);
                    at += 1;
                    run = at;
                } else {
                    field = match doubled {
                        Some(mut copy) => {
                            copy.push_str(&text[run..quote]);
                            Cow::Owned(copy)
                        }
                        None => Cow::Borrowed(&text[run..quote]),
                    };
                    break;
                }
            }
            if !matches!(bytes.get(at), None | Some(b',' | b'\r' | b'\n')) {
                return Err(error(
                    &record,
                    &records,
                    "text after the closing quote of a cell (double a quote inside a quoted cell)",
                ));
            }
        } else {
            let end = find(bytes, at, |b| matches!(b, b',' | b'\r' | b'\n' | b'"')).unwrap_or(bytes.len());
            if bytes.get(end) == Some(&b'"') {
                return Err(error(
                    &record,
                    &records,
                    "a quote inside a cell that does not start with one (quote the whole cell and double the quote)",
                ));
            }
            field = Cow::Borrowed(&text[at..end]);
            at = end;
        }
        record.push(field);
        match bytes.get(at) {
            Some(b',') => {
                at += 1;
                if at == bytes.len() {
                    // A comma at the very end leaves one more, empty, field.
                    record.push(Cow::Borrowed(""));
                }
            }
            Some(b'\r') if bytes.get(at + 1) == Some(&b'\n') => {
                at += 2;
                let width = record.len();
                records.push(std::mem::replace(&mut record, Vec::with_capacity(width)));
            }
            Some(_) => {
                at += 1;
                let width = record.len();
                records.push(std::mem::replace(&mut record, Vec::with_capacity(width)));
            }
            None => {}
        }
    }
    if !record.is_empty() {
        records.push(record);
    }
    Ok(records)
}

/// The first index from `from` whose byte `stop` accepts.
fn find(bytes: &[u8], from: usize, stop: impl Fn(u8) -> bool) -> Option<usize> {
    bytes[from..].iter().position(|&b| stop(b)).map(|i| from + i)
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
