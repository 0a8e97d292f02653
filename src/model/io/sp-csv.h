/* sp-csv.h — CSV in and out: a streaming RFC 4180 reader, header mapping, a safe writer, dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SP_CSV_ERROR (sp_csv_error_quark ())

typedef enum
{
  /* Record-level: the reader has skipped the bad record; call sp_csv_reader_next() again. */
  SP_CSV_ERROR_ENCODING,            /* bytes that are not valid in the file's encoding */
  SP_CSV_ERROR_STRAY_QUOTE,         /* a quote inside an unquoted field, or text after a closing quote */
  /* Reported by importers through sp_csv_reader_check_field_count(). */
  SP_CSV_ERROR_FIELD_COUNT,         /* a row with the wrong number of fields */
  /* Fatal: the reader stops; further calls return FALSE without an error. */
  SP_CSV_ERROR_UNTERMINATED_QUOTE,  /* a quoted field still open at the end of the file */
  SP_CSV_ERROR_RECORD_TOO_LONG,     /* one record larger than SP_CSV_MAX_RECORD_BYTES */
  SP_CSV_ERROR_UNSUPPORTED,         /* UTF-16/UTF-32 files */
  /* Header mapping. */
  SP_CSV_ERROR_MISSING_COLUMNS,     /* required fields with no column */
  SP_CSV_ERROR_UNKNOWN_FIELD,       /* an override names a field the importer does not have */
  SP_CSV_ERROR_UNKNOWN_COLUMN,      /* an override names a header or column the file does not have */
  /* Cells. */
  SP_CSV_ERROR_DATE,                /* not a date, or not a day on the calendar */
  SP_CSV_ERROR_DATE_AMBIGUOUS,      /* 03/05/2026 without a chosen day/month order */
} SpCsvError;

GQuark sp_csv_error_quark (void);

/* ------------------------------------------------------------------------------------------ */
/* Reading                                                                                     */

typedef enum
{
  /* A UTF-8 BOM or text that reads as UTF-8 → UTF-8 (a few damaged sequences among many
   * good ones stay UTF-8 and are reported on their lines); anything else → GB18030. */
  SP_CSV_ENCODING_AUTO,
  SP_CSV_ENCODING_UTF8,
  SP_CSV_ENCODING_GB18030,  /* also reads GBK and GB2312, its subsets */
} SpCsvEncoding;

/* "auto", "utf-8"/"utf8", "gb18030"/"gbk"/"gb2312" (any case) → encoding; FALSE otherwise. */
gboolean    sp_csv_encoding_from_string (const char    *text,
                                         SpCsvEncoding *out);
const char *sp_csv_encoding_to_string   (SpCsvEncoding  encoding);

/* A larger record is an error rather than a reason to keep the whole file in memory
 * (usually an opening quote that is never closed). */
#define SP_CSV_MAX_RECORD_BYTES (4u * 1024u * 1024u)

typedef struct _SpCsvReader SpCsvReader;

/* Reads @stream in chunks; memory stays flat however many records it holds. Reads the first
 * chunk now, so the detected encoding is known for most files when this returns. Fails on an
 * I/O error or a UTF-16/UTF-32 file. */
SpCsvReader  *sp_csv_reader_new              (GInputStream   *stream,
                                              SpCsvEncoding   encoding,
                                              GError        **error);
void          sp_csv_reader_free             (SpCsvReader    *self);
void          sp_csv_reader_set_cancellable  (SpCsvReader    *self,
                                              GCancellable   *cancellable);

/* The next record as UTF-8 fields. @fields_out (NULL-terminated) and its strings stay valid
 * until the next call. @line_out: the 1-based physical line where the record starts, counting
 * the header; set on record-level errors too. Records whose fields are all empty (blank
 * lines, the ",,," spreadsheets write for blank rows) are skipped.
 *
 * Returns FALSE at the end (@error unset) or on an error. After an SP_CSV_ERROR_ENCODING or
 * SP_CSV_ERROR_STRAY_QUOTE error the reader has resynchronised at the next line: call again.
 * After any other error further calls return FALSE without an error, so an importer that
 * collects every bad row simply loops until FALSE with no error. Error messages start with
 * the line number. */
gboolean      sp_csv_reader_next             (SpCsvReader          *self,
                                              const char * const  **fields_out,
                                              guint                *n_fields_out,
                                              guint                *line_out,
                                              GError              **error);

/* The encoding being read: the forced one, or what detection found (UTF-8 until a non-ASCII
 * byte has been seen; the first chunk is examined by sp_csv_reader_new()). */
SpCsvEncoding sp_csv_reader_get_encoding     (SpCsvReader    *self);
/* Bytes consumed from the stream, for progress against the file size. */
guint64       sp_csv_reader_get_bytes_read   (SpCsvReader    *self);

/* For the record just returned: FALSE with SP_CSV_ERROR_FIELD_COUNT (message with its line)
 * unless it has @expected fields. Extra trailing empty fields (blank spreadsheet columns) are
 * accepted. */
gboolean      sp_csv_reader_check_field_count (SpCsvReader   *self,
                                               guint          expected,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCsvReader, sp_csv_reader_free)

/* ------------------------------------------------------------------------------------------ */
/* Header mapping                                                                              */

/* One logical field of an importer. @headers: the header names recognised for it, in English
 * and Chinese, NULL-terminated; matched ignoring case, spaces, a BOM, full-/half-width forms
 * and punctuation, then once more without a trailing "(unit)". */
typedef struct
{
  const char          *name;      /* stable id, as in --map NAME=HEADER: "date" */
  const char          *label;     /* N_() display name: "Date" */
  gboolean             required;
  const char * const  *headers;
} SpCsvField;

/* The history-orders importer's fields, in this order. */
typedef enum
{
  SP_CSV_HISTORY_DATE,
  SP_CSV_HISTORY_AMOUNT,
  SP_CSV_HISTORY_REGION,
  SP_CSV_HISTORY_REP,
  SP_CSV_HISTORY_PRODUCT,
  SP_CSV_HISTORY_CUSTOMER_TYPE,
  SP_CSV_HISTORY_CUSTOMER,
  SP_CSV_HISTORY_ORDER,
  SP_CSV_HISTORY_N_FIELDS
} SpCsvHistoryField;

const SpCsvField *sp_csv_history_fields (guint *n_fields);

typedef struct _SpCsvColumnMap SpCsvColumnMap;

/* Maps each field to the left-most column whose header it recognises; never fails. @fields
 * must outlive the map (importers pass a static table). */
SpCsvColumnMap   *sp_csv_column_map_from_header     (const SpCsvField    *fields,
                                                     guint                n_fields,
                                                     const char * const  *header,
                                                     guint                n_columns);
void              sp_csv_column_map_free            (SpCsvColumnMap      *self);

guint             sp_csv_column_map_get_n_fields    (SpCsvColumnMap      *self);
const SpCsvField *sp_csv_column_map_get_field       (SpCsvColumnMap      *self,
                                                     guint                field);
/* The field's 0-based column, or -1 when it has none. */
int               sp_csv_column_map_get_column      (SpCsvColumnMap      *self,
                                                     guint                field);
/* Index of the field named @name (its id, translated label or a recognised header), or -1. */
int               sp_csv_column_map_find_field      (SpCsvColumnMap      *self,
                                                     const char          *name);
/* The file's headers that no field uses, NULL-terminated (free with g_strfreev). */
char            **sp_csv_column_map_dup_unused_headers (SpCsvColumnMap   *self);

/* Overrides, for the import dialog and --map. A column feeds at most one field: giving it to
 * @field takes it from any other. @column -1 leaves the field without a column. */
gboolean          sp_csv_column_map_set_column      (SpCsvColumnMap      *self,
                                                     guint                field,
                                                     int                  column,
                                                     GError             **error);
/* "date=下单日期", "日期=Order Date", "amount=3" (a header, else a 1-based column number). */
gboolean          sp_csv_column_map_apply_override  (SpCsvColumnMap      *self,
                                                     const char          *spec,
                                                     GError             **error);

/* FALSE with SP_CSV_ERROR_MISSING_COLUMNS naming the required fields that have no column and
 * listing the headers found. */
gboolean          sp_csv_column_map_validate        (SpCsvColumnMap      *self,
                                                     GError             **error);

/* The cell of @field in a record from the reader: "" when the field has no column or the
 * record is short. */
const char       *sp_csv_column_map_get_value       (SpCsvColumnMap      *self,
                                                     const char * const  *fields,
                                                     guint                n_fields,
                                                     guint                field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCsvColumnMap, sp_csv_column_map_free)

/* ------------------------------------------------------------------------------------------ */
/* Writing                                                                                     */

/* Appends one record and CRLF: fields quoted when they hold a comma, quote, CR or LF, start
 * or end with a space or tab, or start with U+FEFF; quotes doubled; cells starting with = + - @ TAB or CR that are
 * not numbers get a leading apostrophe (formula injection). NULL fields are empty. */
void        sp_csv_write_row            (GString            *out,
                                         const char * const *fields,
                                         guint               n);
/* The UTF-8 BOM, which makes Excel read a UTF-8 file as UTF-8. */
void        sp_csv_write_bom            (GString            *out);

/* TRUE when a spreadsheet could run @cell as a formula, so the writer prefixes "'". */
gboolean    sp_csv_needs_neutralising   (const char         *cell);
/* @cell without the apostrophe the writer added, for reading back our own exports. */
const char *sp_csv_strip_neutraliser    (const char         *cell);

typedef enum
{
  SP_CSV_WRITE_DEFAULT = 0,
  SP_CSV_WRITE_BOM     = 1 << 0,
} SpCsvWriteFlags;

typedef struct _SpCsvWriter SpCsvWriter;

/* Buffers rows and writes them to @stream in large blocks. */
SpCsvWriter *sp_csv_writer_new       (GOutputStream       *stream,
                                      SpCsvWriteFlags      flags);
gboolean     sp_csv_writer_write_row (SpCsvWriter         *self,
                                      const char * const  *fields,
                                      guint                n,
                                      GCancellable        *cancellable,
                                      GError             **error);
/* Writes what is buffered (does not close the stream). */
gboolean     sp_csv_writer_flush     (SpCsvWriter         *self,
                                      GCancellable        *cancellable,
                                      GError             **error);
void         sp_csv_writer_free      (SpCsvWriter         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCsvWriter, sp_csv_writer_free)

/* ------------------------------------------------------------------------------------------ */
/* Cells                                                                                       */

typedef enum
{
  SP_CSV_DATE_ORDER_AUTO,  /* refuse 03/05/2026 when both readings are days and differ */
  SP_CSV_DATE_ORDER_DMY,
  SP_CSV_DATE_ORDER_MDY,
} SpCsvDateOrder;

/* Strict: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, full-width digits, and an ignored
 * time of day as spreadsheets write it (2026/3/5 0:00, 2026-03-05T08:30:00). Year last,
 * 05/03/2026, reads in @order; with AUTO it needs one reading only (25/03/2026 is 25 March)
 * or both the same (05/05/2026), else SP_CSV_ERROR_DATE_AMBIGUOUS. Two-digit years are
 * refused. Errors quote @text; @out is set only on success. */
gboolean    sp_csv_parse_date           (const char         *text,
                                         SpCsvDateOrder      order,
                                         GDate              *out,
                                         GError            **error);

G_END_DECLS
