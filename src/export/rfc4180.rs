//! CSV as RFC 4180 has it: comma-separated, CRLF line ends, fields quoted when they hold
//! a comma, quote or line break, quotes doubled. The reader is strict and says where
//! (row and column, counted from 1 as a spreadsheet shows them) it found a problem.

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

enum State {
    /// At the start of a field.
    FieldStart,
    /// Inside a field that did not start with a quote.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: the end, or the first of a doubled quote.
    QuoteInQuoted,
}

/// Reads every record. A byte-order mark at the start is skipped; line ends may be CRLF,
/// LF or CR; a last line without a line end is read; a blank line is a record with one
/// empty field (so row numbers stay those a spreadsheet shows).
pub fn read(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records: Vec<Vec<String>> = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut state = State::FieldStart;
    let mut quote_start = (1, 1);
    let mut chars = text.chars().peekable();
    let error = |record: &Vec<String>, records: &Vec<Vec<String>>, message: &str| CsvError {
        row: records.len() + 1,
        column: record.len() + 1,
        message: message.to_owned(),
    };
    while let Some(c) = chars.next() {
        match state {
            State::FieldStart | State::Unquoted => match c {
                ',' => {
                    record.push(std::mem::take(&mut field));
                    state = State::FieldStart;
                }
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                    state = State::FieldStart;
                }
                '"' if matches!(state, State::FieldStart) => {
                    quote_start = (records.len() + 1, record.len() + 1);
                    state = State::Quoted;
                }
                '"' => {
                    return Err(error(
                        &record,
                        &records,
                        "a quote inside a cell that does not start with one (quote the whole cell and double the quote)",
                    ));
                }
                c => {
                    field.push(c);
                    state = State::Unquoted;
                }
            },
            State::Quoted => match c {
                '"' => state = State::QuoteInQuoted,
                c => field.push(c),
            },
            State::QuoteInQuoted => match c {
                '"' => {
                    field.push('"');
                    state = State::Quoted;
                }
                ',' => {
                    record.push(std::mem::take(&mut field));
                    state = State::FieldStart;
                }
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                    state = State::FieldStart;
                }
                _ => {
                    return Err(error(
                        &record,
                        &records,
                        "text after the closing quote of a cell (double a quote inside a quoted cell)",
                    ));
                }
            },
        }
    }
    match state {
        State::Quoted => Err(CsvError {
            row: quote_start.0,
            column: quote_start.1,
            message: "this cell's opening quote is never closed".to_owned(),
        }),
        State::FieldStart if record.is_empty() => Ok(records),
        _ => {
            record.push(field);
            records.push(record);
            Ok(records)
        }
    }
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
