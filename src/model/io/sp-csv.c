/* sp-csv.c — the streaming RFC 4180 reader: UTF-8 or GB18030, every bad record with its line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-csv.h"

G_DEFINE_QUARK (sp-csv-error-quark, sp_csv_error)

#define CHUNK_SIZE (64 * 1024)

/* Both encodings keep bytes below 0x80 for ASCII (GB18030's trail bytes are 0x30-0x39 and
 * 0x40-0xFE), so records are split on raw bytes and only fields are decoded. */

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,  /* a quote inside a quoted field: "" or the closing one */
  STATE_AFTER_QUOTE,      /* only blanks, a comma or the line end may follow */
  STATE_SKIP_LINE,        /* after a record-level error, up to the next line */
} ParseState;

typedef enum
{
  STEP_MORE,     /* the chunk is used up */
  STEP_RECORD,   /* a record ended with a line end */
  STEP_SKIPPED,  /* a bad record was skipped up to its line end */
} Step;

struct _SpCsvReader
{
  GInputStream  *stream;
  GCancellable  *cancellable;
  SpCsvEncoding  encoding;   /* UTF8 or GB18030 */
  gboolean       decided;
  guint8         tail[4];    /* undecided: a sequence cut by the end of the last chunk */
  gsize          tail_len;
  GIConv         iconv;

  guint8        *chunk;
  gsize          chunk_len;
  gsize          chunk_pos;
  gboolean       eof;
  gboolean       done;
  guint64        bytes_read;

  /* The record being read: fields NUL-separated in @raw, their offsets in @starts. */
  ParseState     state;
  GString       *raw;
  GArray        *starts;
  gsize          field_start;
  gboolean       in_record;
  gboolean       has_nul;
  guint          line;
  guint          record_line;
  gboolean       prev_cr;
  GError        *pending;

  /* The record returned. */
  char          *converted;
  GPtrArray     *fields;
};

/* Bytes that end a run of plain field content. */
static const guint8 special[256] = { ['"'] = 1, [','] = 1, ['\r'] = 1, ['\n'] = 1, [0] = 1 };

gboolean
sp_csv_encoding_from_string (const char    *text,
                             SpCsvEncoding *out)
{
  static const struct { const char *name; SpCsvEncoding encoding; } names[] = {
    { "auto", SP_CSV_ENCODING_AUTO },
    { "utf-8", SP_CSV_ENCODING_UTF8 }, { "utf8", SP_CSV_ENCODING_UTF8 },
    { "gb18030", SP_CSV_ENCODING_GB18030 }, { "gbk", SP_CSV_ENCODING_GB18030 },
    { "gb2312", SP_CSV_ENCODING_GB18030 },
  };

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        if (out != NULL)
          *out = names[i].encoding;
        return TRUE;
      }

  return FALSE;
}

const char *
sp_csv_encoding_to_string (SpCsvEncoding encoding)
{
  switch (encoding)
    {
    case SP_CSV_ENCODING_AUTO:
      return "auto";
    case SP_CSV_ENCODING_UTF8:
      return "UTF-8";
    case SP_CSV_ENCODING_GB18030:
      return "GB18030";
    default:
      g_return_val_if_reached (NULL);
    }
}

typedef enum
{
  SNIFF_UTF8,
  SNIFF_OTHER,
  SNIFF_UNSURE,  /* nothing but the start of a sequence cut by the end of the chunk */
} Sniff;

/* @data starts with a non-ASCII byte. GB18030 text read as UTF-8 has about five bad spots for
 * each sequence that happens to be valid; UTF-8 with a damaged cell is nearly all valid, and
 * is better read as UTF-8 with that row reported than silently turned into other characters. */
static Sniff
sniff_utf8 (const guint8 *data,
            gsize         len,
            gboolean      at_eof)
{
  const char *p = (const char *) data;
  const char *end = p + len;
  gsize good = 0;
  gsize bad = 0;

  while (p < end)
    {
      const char *stop;
      gboolean valid = g_utf8_validate_len (p, end - p, &stop);

      for (; p < stop; p++)
        good += ((guint8) *p & 0xc0) == 0xc0;
      if (valid)
        break;
      if (*p == '\0')
        {
          p++;
          continue;
        }
      if (!at_eof && end - p < 4 && g_utf8_get_char_validated (p, end - p) == (gunichar) -2)
        break;
      /* One bad spot: the byte and the continuation bytes after it. */
      bad++;
      for (p++; p < end && ((guint8) *p & 0xc0) == 0x80; p++)
        ;
    }

  if (good == 0 && bad == 0)
    return SNIFF_UNSURE;

  return good >= 4 * bad ? SNIFF_UTF8 : SNIFF_OTHER;
}

static gboolean
use_gb18030 (SpCsvReader  *self,
             GError      **error)
{
  self->encoding = SP_CSV_ENCODING_GB18030;
  self->decided = TRUE;
  self->iconv = g_iconv_open ("UTF-8", "GB18030");
  if (self->iconv == (GIConv) -1)
    {
      g_set_error_literal (error, SP_CSV_ERROR, SP_CSV_ERROR_UNSUPPORTED,
                           _("This system cannot read GB18030 text"));
      self->done = TRUE;
      return FALSE;
    }

  return TRUE;
}

/* Everything before the first non-ASCII byte reads the same in both encodings, so the choice
 * waits for one and then looks at the rest of its chunk. */
static gboolean
detect_encoding (SpCsvReader  *self,
                 GError      **error)
{
  g_autofree guint8 *joined = NULL;
  const guint8 *data = self->chunk + self->chunk_pos;
  gsize len = self->chunk_len - self->chunk_pos;
  gsize i = 0;

  if (self->tail_len > 0)
    {
      joined = g_malloc (self->tail_len + len);
      memcpy (joined, self->tail, self->tail_len);
      memcpy (joined + self->tail_len, data, len);
      data = joined;
      len += self->tail_len;
      self->tail_len = 0;
    }

  while (i < len && data[i] < 0x80)
    i++;
  if (i == len)
    return TRUE;

  switch (sniff_utf8 (data + i, len - i, self->eof))
    {
    case SNIFF_UNSURE:
      g_assert (len - i < sizeof self->tail);
      memcpy (self->tail, data + i, len - i);
      self->tail_len = len - i;
      return TRUE;
    case SNIFF_UTF8:
      self->decided = TRUE;
      return TRUE;
    case SNIFF_OTHER:
      return use_gb18030 (self, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_chunk (SpCsvReader  *self,
            GError      **error)
{
  gsize n = 0;

  if (!g_input_stream_read_all (self->stream, self->chunk, CHUNK_SIZE, &n,
                                self->cancellable, error))
    {
      self->done = TRUE;
      return FALSE;
    }

  self->chunk_len = n;
  self->chunk_pos = 0;
  self->eof = n < CHUNK_SIZE;
  self->bytes_read += n;

  return TRUE;
}

static gboolean
fill (SpCsvReader  *self,
      GError      **error)
{
  return read_chunk (self, error) && (self->decided || detect_encoding (self, error));
}

SpCsvReader *
sp_csv_reader_new (GInputStream   *stream,
                   SpCsvEncoding   encoding,
                   GError        **error)
{
  g_autoptr(SpCsvReader) self = NULL;
  const guint8 *c;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (encoding <= SP_CSV_ENCODING_GB18030, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SpCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->iconv = (GIConv) -1;
  self->encoding = SP_CSV_ENCODING_UTF8;
  self->decided = encoding != SP_CSV_ENCODING_AUTO;
  self->chunk = g_malloc (CHUNK_SIZE);
  self->raw = g_string_sized_new (256);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();
  self->line = 1;

  if (encoding == SP_CSV_ENCODING_GB18030 && !use_gb18030 (self, error))
    return NULL;

  if (!read_chunk (self, error))
    return NULL;

  c = self->chunk;
  if (self->chunk_len >= 2 && ((c[0] == 0xff && c[1] == 0xfe) || (c[0] == 0xfe && c[1] == 0xff)))
    {
      g_set_error_literal (error, SP_CSV_ERROR, SP_CSV_ERROR_UNSUPPORTED,
                           _("The file is in UTF-16; save it as CSV (UTF-8) and import it again"));
      return NULL;
    }
  /* A BOM decides alone. */
  if (self->encoding == SP_CSV_ENCODING_UTF8 && self->chunk_len >= 3
      && c[0] == 0xef && c[1] == 0xbb && c[2] == 0xbf)
    {
      self->chunk_pos = 3;
      self->decided = TRUE;
    }
  if (!self->decided && !detect_encoding (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
sp_csv_reader_free (SpCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  if (self->iconv != (GIConv) -1)
    g_iconv_close (self->iconv);
  g_free (self->chunk);
  g_string_free (self->raw, TRUE);
  g_array_unref (self->starts);
  g_clear_error (&self->pending);
  g_free (self->converted);
  g_ptr_array_unref (self->fields);
  g_free (self);
}

void
sp_csv_reader_set_cancellable (SpCsvReader  *self,
                               GCancellable *cancellable)
{
  g_return_if_fail (self != NULL);

  g_set_object (&self->cancellable, cancellable);
}

SpCsvEncoding
sp_csv_reader_get_encoding (SpCsvReader *self)
{
  g_return_val_if_fail (self != NULL, SP_CSV_ENCODING_UTF8);

  return self->encoding;
}

guint64
sp_csv_reader_get_bytes_read (SpCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->bytes_read;
}

static void
reset_record (SpCsvReader *self)
{
  g_string_truncate (self->raw, 0);
  g_array_set_size (self->starts, 0);
  self->field_start = 0;
  self->in_record = FALSE;
  self->has_nul = FALSE;
  self->state = STATE_FIELD_START;
}

static inline void
end_field (SpCsvReader *self)
{
  g_array_append_val (self->starts, self->field_start);
  g_string_append_c (self->raw, '\0');
  self->field_start = self->raw->len;
}

/* CRLF, LF and a lone CR each end one line. */
static inline void
count_line_end (SpCsvReader *self,
                guint8       c)
{
  if (c == '\r' || !self->prev_cr)
    self->line++;
  self->prev_cr = c == '\r';
}

static void
set_pending (SpCsvReader *self,
             SpCsvError   code,
             const char  *reason)
{
  g_clear_error (&self->pending);
  /* TRANSLATORS: "Line 12: text after the closing quote of a field" */
  self->pending = g_error_new (SP_CSV_ERROR, code, _("Line %u: %s"), self->record_line, reason);
  self->state = STATE_SKIP_LINE;
}

/* Consumes bytes of the chunk until a record or a skipped line ends, or the chunk does. */
static Step
parse_some (SpCsvReader *self)
{
  const guint8 *buf = self->chunk;
  gsize len = self->chunk_len;
  gsize i = self->chunk_pos;

  while (i < len)
    {
      gsize start = i;
      guint8 c;

      if (!self->in_record)
        {
          self->in_record = TRUE;
          self->record_line = self->line;
        }

      switch (self->state)
        {
        case STATE_FIELD_START:
          if (buf[i] == '"')
            {
              self->state = STATE_QUOTED;
              self->prev_cr = FALSE;
              i++;
              break;
            }
          self->state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case STATE_UNQUOTED:
          while (i < len && !special[buf[i]])
            i++;
          if (i > start)
            {
              g_string_append_len (self->raw, (const char *) buf + start, i - start);
              self->prev_cr = FALSE;
            }
          if (i == len)
            break;
          c = buf[i++];
          if (c == ',')
            {
              end_field (self);
              self->state = STATE_FIELD_START;
              self->prev_cr = FALSE;
            }
          else if (c == '\r' || c == '\n')
            {
              end_field (self);
              count_line_end (self, c);
              self->chunk_pos = i;
              return STEP_RECORD;
            }
          else if (c == '"')
            {
              set_pending (self, SP_CSV_ERROR_STRAY_QUOTE,
                           _("a quote in the middle of a field that does not start with one; "
                             "put the whole field in quotes and write the quote twice"));
            }
          else
            {
              self->has_nul = TRUE;
              self->prev_cr = FALSE;
            }
          break;

        case STATE_QUOTED:
          while (i < len && !special[buf[i]])
            i++;
          if (i > start)
            {
              g_string_append_len (self->raw, (const char *) buf + start, i - start);
              self->prev_cr = FALSE;
            }
          if (i == len)
            break;
          c = buf[i++];
          if (c == '"')
            {
              self->state = STATE_QUOTE_IN_QUOTED;
              self->prev_cr = FALSE;
              break;
            }
          if (c == '\r' || c == '\n')
            count_line_end (self, c);
          else
            self->prev_cr = FALSE;
          if (c == '\0')
            self->has_nul = TRUE;
          g_string_append_c (self->raw, (char) c);
          break;

        case STATE_QUOTE_IN_QUOTED:
          if (buf[i] == '"')
            {
              g_string_append_c (self->raw, '"');
              self->state = STATE_QUOTED;
              i++;
            }
          else
            {
              self->state = STATE_AFTER_QUOTE;
            }
          break;

        case STATE_AFTER_QUOTE:
          c = buf[i++];
          if (c == ',')
            {
              end_field (self);
              self->state = STATE_FIELD_START;
              self->prev_cr = FALSE;
            }
          else if (c == '\r' || c == '\n')
            {
              end_field (self);
              count_line_end (self, c);
              self->chunk_pos = i;
              return STEP_RECORD;
            }
          else if (c != ' ' && c != '\t')
            {
              set_pending (self, SP_CSV_ERROR_STRAY_QUOTE,
                           _("text after the closing quote of a field"));
            }
          self->prev_cr = FALSE;
          break;

        case STATE_SKIP_LINE:
          while (i < len && buf[i] != '\r' && buf[i] != '\n')
            i++;
          if (i == len)
            {
              self->prev_cr = self->prev_cr && i == start;
              break;
            }
          count_line_end (self, buf[i++]);
          self->chunk_pos = i;
          return STEP_SKIPPED;

        default:
          g_assert_not_reached ();
        }
    }

  self->chunk_pos = i;
  return STEP_MORE;
}

static gboolean
record_is_blank (SpCsvReader *self)
{
  /* Each field is followed by its NUL: all empty means only separators. */
  return self->raw->len == self->starts->len;
}

static gboolean
finish_record (SpCsvReader  *self,
               GError      **error)
{
  const char *base = self->raw->str;
  gsize n = self->starts->len;
  gboolean ascii = TRUE;

  g_ptr_array_set_size (self->fields, 0);
  g_clear_pointer (&self->converted, g_free);

  if (!self->has_nul && self->encoding == SP_CSV_ENCODING_GB18030)
    {
      for (gsize i = 0; i < self->raw->len && ascii; i++)
        ascii = (guint8) base[i] < 0x80;
      if (!ascii)
        {
          gsize out_len = 0;

          self->converted = g_convert_with_iconv (base, self->raw->len, self->iconv,
                                                  NULL, &out_len, NULL);
          base = self->converted;
        }
    }
  else if (!self->has_nul)
    {
      for (gsize i = 0; i < n && base != NULL; i++)
        {
          gsize start = g_array_index (self->starts, gsize, i);
          gsize end = i + 1 < n ? g_array_index (self->starts, gsize, i + 1) : self->raw->len;

          if (!g_utf8_validate_len (base + start, end - start - 1, NULL))
            base = NULL;
        }
    }

  if (self->has_nul || base == NULL)
    {
      /* TRANSLATORS: "Line 7: the text is not valid GB18030; choose the file’s encoding" */
      g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_ENCODING,
                   _("Line %u: the text is not valid %s; choose the file’s encoding"),
                   self->record_line, sp_csv_encoding_to_string (self->encoding));
      return FALSE;
    }

  if (self->converted != NULL)
    {
      const char *p = base;

      /* The NUL separators survive the conversion. */
      for (gsize i = 0; i < n; i++)
        {
          g_ptr_array_add (self->fields, (gpointer) p);
          p += strlen (p) + 1;
        }
    }
  else
    {
      for (gsize i = 0; i < n; i++)
        g_ptr_array_add (self->fields, (gpointer) (base + g_array_index (self->starts, gsize, i)));
    }
  g_ptr_array_add (self->fields, NULL);

  return TRUE;
}

gboolean
sp_csv_reader_next (SpCsvReader          *self,
                    const char * const  **fields_out,
                    guint                *n_fields_out,
                    guint                *line_out,
                    GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_set_size (self->fields, 0);
  if (fields_out != NULL)
    *fields_out = NULL;
  if (n_fields_out != NULL)
    *n_fields_out = 0;

  if (self->done)
    return FALSE;

  reset_record (self);

  for (;;)
    {
      Step step;

      if (self->chunk_pos == self->chunk_len)
        {
          if (!self->eof)
            {
              if (!fill (self, error))
                return FALSE;
              continue;
            }

          self->done = TRUE;
          if (line_out != NULL)
            *line_out = self->record_line;
          if (self->state == STATE_SKIP_LINE)
            {
              g_propagate_error (error, g_steal_pointer (&self->pending));
              return FALSE;
            }
          if (self->state == STATE_QUOTED)
            {
              g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNTERMINATED_QUOTE,
                           _("Line %u: a quoted field is not closed before the end of the file"),
                           self->record_line);
              return FALSE;
            }
          if (!self->in_record)
            return FALSE;
          /* The last record has no line end. */
          end_field (self);
          step = STEP_RECORD;
        }
      else
        {
          step = parse_some (self);
        }

      if (step == STEP_MORE)
        {
          if (self->raw->len > SP_CSV_MAX_RECORD_BYTES)
            {
              self->done = TRUE;
              if (line_out != NULL)
                *line_out = self->record_line;
              g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_RECORD_TOO_LONG,
                           _("Line %u: the record is longer than %u MB; is a quote not closed?"),
                           self->record_line, SP_CSV_MAX_RECORD_BYTES / (1024 * 1024));
              return FALSE;
            }
          continue;
        }

      if (line_out != NULL)
        *line_out = self->record_line;

      if (step == STEP_SKIPPED)
        {
          g_propagate_error (error, g_steal_pointer (&self->pending));
          return FALSE;
        }

      if (record_is_blank (self))
        {
          if (self->done)
            return FALSE;
          reset_record (self);
          continue;
        }

      if (!finish_record (self, error))
        return FALSE;

      if (fields_out != NULL)
        *fields_out = (const char * const *) self->fields->pdata;
      if (n_fields_out != NULL)
        *n_fields_out = self->fields->len - 1;
      return TRUE;
    }
}

gboolean
sp_csv_reader_check_field_count (SpCsvReader  *self,
                                 guint         expected,
                                 GError      **error)
{
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fields->len > 0, FALSE);

  n = self->fields->len - 1;
  for (guint i = expected; i < n; i++)
    if (*(const char *) g_ptr_array_index (self->fields, i) != '\0')
      goto wrong;
  if (n >= expected)
    return TRUE;

wrong:
  /* TRANSLATORS: "Line 5 has 3 fields; the header has 8" */
  g_set_error (error, SP_CSV_ERROR, SP_CSV_ERROR_FIELD_COUNT,
               g_dngettext (GETTEXT_PACKAGE, "Line %u has %u field; the header has %u",
                            "Line %u has %u fields; the header has %u", n),
               self->record_line, n, expected);
  return FALSE;
}
