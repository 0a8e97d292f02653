/* fuzz-csv.c — libFuzzer target for the CSV reader, header mapping, writer and date cells
 *
 * Not built by meson. Build and run it by hand from the source folder, with clang and a
 * configured ./build (for config.h):
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
 *     -I build -I src/model/io tests/fuzz/fuzz-csv.c src/model/io/sp-csv.c \
 *     $(pkg-config --cflags --libs gio-2.0) -o build/fuzz-csv
 *   mkdir -p build/fuzz-csv-corpus
 *   build/fuzz-csv build/fuzz-csv-corpus tests/fixtures/csv -max_len=4096 -max_total_time=300
 *
 * (Debian: apt-get install clang; libFuzzer comes with it.) The first byte picks the
 * encoding the reader is forced to, the rest is the file. Every record must be valid UTF-8,
 * lines must increase, the reader must end, and what the writer writes must read back as
 * the same fields. tests/model/io/test-csv.c runs a deterministic 20,000-input version of this in
 * the ordinary suite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sp-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* Write the record, read it back, compare (modulo the formula apostrophe and blank rows). */
static void
check_round_trip (const char * const *fields,
                  guint               n)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SpCsvReader) reader = NULL;
  const char * const *back;
  gboolean blank = TRUE;
  guint n_back, line;

  for (guint i = 0; i < n; i++)
    blank = blank && fields[i][0] == '\0';

  sp_csv_write_row (out, fields, n);
  stream = g_memory_input_stream_new_from_data (out->str, out->len, NULL);
  reader = sp_csv_reader_new (stream, SP_CSV_ENCODING_UTF8, NULL);
  g_assert (reader != NULL);

  if (blank)
    {
      g_assert (!sp_csv_reader_next (reader, &back, &n_back, &line, NULL));
      return;
    }

  g_assert (sp_csv_reader_next (reader, &back, &n_back, &line, NULL));
  g_assert (n_back == n);
  for (guint i = 0; i < n; i++)
    g_assert (g_str_equal (sp_csv_needs_neutralising (fields[i]) ? back[i] + 1 : back[i],
                           fields[i]));
  g_assert (!sp_csv_reader_next (reader, &back, &n_back, &line, NULL));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SpCsvReader) reader = NULL;
  SpCsvEncoding encoding;
  guint n_history, last_line = 0;
  const SpCsvField *history = sp_csv_history_fields (&n_history);

  if (size == 0)
    return 0;

  encoding = (SpCsvEncoding) (data[0] % 3);
  stream = g_memory_input_stream_new_from_data (data + 1, size - 1, NULL);
  reader = sp_csv_reader_new (stream, encoding, NULL);
  if (reader == NULL)
    return 0;

  for (guint guard = 0;; guard++)
    {
      g_autoptr(GError) error = NULL;
      const char * const *fields;
      guint n, line = 0;

      g_assert (guard <= size + 1);
      if (sp_csv_reader_next (reader, &fields, &n, &line, &error))
        {
          g_autoptr(SpCsvColumnMap) map = sp_csv_column_map_from_header (history, n_history, fields, n);
          g_auto(GStrv) unused = sp_csv_column_map_dup_unused_headers (map);

          g_assert (fields[n] == NULL);
          for (guint i = 0; i < n; i++)
            {
              GDate date;

              g_assert (g_utf8_validate (fields[i], -1, NULL));
              if (sp_csv_parse_date (fields[i], SP_CSV_DATE_ORDER_AUTO, &date, NULL))
                g_assert (g_date_valid (&date));
              sp_csv_column_map_apply_override (map, fields[i], NULL);
            }
          sp_csv_column_map_validate (map, NULL);
          sp_csv_reader_check_field_count (reader, 3, NULL);
          check_round_trip (fields, n);
        }
      else if (error != NULL)
        {
          g_assert (error->domain == SP_CSV_ERROR);
        }
      else
        {
          break;
        }
      g_assert (line > last_line);
      last_line = line;
    }

  return 0;
}
