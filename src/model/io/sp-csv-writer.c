/* sp-csv-writer.c — CSV out: RFC 4180 quoting, CRLF, a BOM, and no formulas a spreadsheet would run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-csv"

#include "config.h"

#include <string.h>

#include "sp-csv.h"

#define BUFFER_SIZE (64 * 1024)

/* A plain number a spreadsheet reads as one: -12.50, +3, -1,234.5, -.5, 1e3, -12%. */
static gboolean
is_number (const char *p)
{
  guint digits = 0;

  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p) || (*p == ',' && digits > 0 && digits <= 3 && g_ascii_isdigit (p[1])
                                  && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
                                  && !g_ascii_isdigit (p[4])))
    {
      if (*p == ',')
        {
          p += 4;
          digits = 3;
          continue;
        }
      digits++;
      p++;
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits++;
  if (digits == 0)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == '%')
    p++;

  return *p == '\0';
}

gboolean
sp_csv_needs_neutralising (const char *cell)
{
  const char *p = cell;

  g_return_val_if_fail (cell != NULL, FALSE);

  if (*p == '\t' || *p == '\r')
    return TRUE;
  /* Some spreadsheets trim leading spaces before they look for a formula. */
  while (*p == ' ')
    p++;

  return (*p == '=' || *p == '+' || *p == '-' || *p == '@') && !is_number (p);
}

const char *
sp_csv_strip_neutraliser (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  if (cell[0] == '\'' && sp_csv_needs_neutralising (cell + 1))
    return cell + 1;

  return cell;
}

void
sp_csv_write_bom (GString *out)
{
  g_return_if_fail (out != NULL);

  g_string_append (out, "\xef\xbb\xbf");
}

void
sp_csv_write_row (GString            *out,
                  const char * const *fields,
                  guint               n)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";
      gsize len = strlen (field);
      gboolean neutralise = sp_csv_needs_neutralising (field);
      /* A leading U+FEFF would read as a BOM at the start of a file. */
      gboolean quote = strpbrk (field, ",\"\r\n") != NULL
                       || (len > 0 && (field[len - 1] == ' ' || field[len - 1] == '\t'))
                       || (!neutralise && (field[0] == ' ' || field[0] == '\t'))
                       || g_str_has_prefix (field, "\xef\xbb\xbf");

      if (i > 0)
        g_string_append_c (out, ',');
      if (quote)
        g_string_append_c (out, '"');
      if (neutralise)
        g_string_append_c (out, '\'');
      if (quote)
        {
          for (const char *p = field, *q; *p != '\0'; p = q + 1)
            {
              q = strchr (p, '"');
              if (q == NULL)
                {
                  g_string_append (out, p);
                  break;
                }
              g_string_append_len (out, p, q - p + 1);
              g_string_append_c (out, '"');
            }
          g_string_append_c (out, '"');
        }
      else
        {
          g_string_append_len (out, field, len);
        }
    }
  g_string_append (out, "\r\n");
}

struct _SpCsvWriter
{
  GOutputStream *stream;
  GString       *buffer;
};

SpCsvWriter *
sp_csv_writer_new (GOutputStream   *stream,
                   SpCsvWriteFlags  flags)
{
  SpCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (SpCsvWriter, 1);
  self->stream = g_object_ref (stream);
  self->buffer = g_string_sized_new (BUFFER_SIZE + 1024);
  if (flags & SP_CSV_WRITE_BOM)
    sp_csv_write_bom (self->buffer);

  return self;
}

gboolean
sp_csv_writer_flush (SpCsvWriter   *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = self->buffer->len == 0
       || g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                                     NULL, cancellable, error);
  g_string_truncate (self->buffer, 0);

  return ok;
}

gboolean
sp_csv_writer_write_row (SpCsvWriter         *self,
                         const char * const  *fields,
                         guint                n,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sp_csv_write_row (self->buffer, fields, n);
  if (self->buffer->len >= BUFFER_SIZE)
    return sp_csv_writer_flush (self, cancellable, error);

  return TRUE;
}

void
sp_csv_writer_free (SpCsvWriter *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);
  g_free (self);
}
