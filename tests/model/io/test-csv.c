/* test-csv.c — the CSV reader, header mapping, writer and date cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sp-csv.h"

static GInputStream *
stream_of (const char *data,
           gssize      len)
{
  if (len < 0)
    len = strlen (data);

  return g_memory_input_stream_new_from_data (g_memdup2 (data, len), len, g_free);
}

static const char *
code_name (const GError *error)
{
  if (error->domain != SP_CSV_ERROR)
    return "io";

  switch ((SpCsvError) error->code)
    {
    case SP_CSV_ERROR_ENCODING:
      return "encoding";
    case SP_CSV_ERROR_STRAY_QUOTE:
      return "stray";
    case SP_CSV_ERROR_UNTERMINATED_QUOTE:
      return "unterminated";
    case SP_CSV_ERROR_RECORD_TOO_LONG:
      return "too-long";
    case SP_CSV_ERROR_UNSUPPORTED:
      return "unsupported";
    case SP_CSV_ERROR_FIELD_COUNT:
    case SP_CSV_ERROR_MISSING_COLUMNS:
    case SP_CSV_ERROR_UNKNOWN_FIELD:
    case SP_CSV_ERROR_UNKNOWN_COLUMN:
    case SP_CSV_ERROR_DATE:
    case SP_CSV_ERROR_DATE_AMBIGUOUS:
    default:
      return "other";
    }
}

/* Every record as "LINE[a|b]" and every error as "LINE!code", space separated, reading the
 * way an importer that collects all bad rows does. */
static char *
parse_full (const char    *data,
            gssize         len,
            SpCsvEncoding  encoding,
            SpCsvEncoding *detected)
{
  g_autoptr(GInputStream) stream = stream_of (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCsvReader) reader = sp_csv_reader_new (stream, encoding, &error);
  GString *out = g_string_new (NULL);
  guint last_line = 0;

  if (reader == NULL)
    {
      g_string_printf (out, "open!%s", code_name (error));
      return g_string_free (out, FALSE);
    }

  for (guint guard = 0;; guard++)
    {
      const char * const *fields = NULL;
      guint n = 0, line = 0;

      g_assert_cmpuint (guard, <, 1000000);
      if (out->len > 0)
        g_string_append_c (out, ' ');

      if (sp_csv_reader_next (reader, &fields, &n, &line, &error))
        {
          g_assert_cmpuint (n, >, 0);
          g_assert_null (fields[n]);
          g_string_append_printf (out, "%u[", line);
          for (guint i = 0; i < n; i++)
            {
              g_assert_true (g_utf8_validate (fields[i], -1, NULL));
              g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", fields[i]);
            }
          g_string_append_c (out, ']');
        }
      else if (error != NULL)
        {
          g_assert_true (g_str_has_prefix (error->message, "Line ") || error->domain != SP_CSV_ERROR);
          g_string_append_printf (out, "%u!%s", line, code_name (error));
          g_clear_error (&error);
        }
      else
        {
          if (out->len > 0)
            g_string_truncate (out, out->len - 1);
          break;
        }
      g_assert_cmpuint (line, >, last_line);
      last_line = line;
    }

  /* Finished readers stay finished. */
  g_assert_false (sp_csv_reader_next (reader, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  if (detected != NULL)
    *detected = sp_csv_reader_get_encoding (reader);

  return g_string_free (out, FALSE);
}

static char *
parse (const char *data)
{
  return parse_full (data, -1, SP_CSV_ENCODING_AUTO, NULL);
}

#define assert_parse(data, expected)                                                          \
  G_STMT_START                                                                                \
  {                                                                                           \
    g_autofree char *assert_parse_result = parse (data);                                      \
    g_assert_cmpstr (assert_parse_result, ==, expected);                                      \
  }                                                                                           \
  G_STMT_END

static void
test_basic (void)
{
  assert_parse ("", "");
  assert_parse ("a", "1[a]");
  assert_parse ("a,b\nc,d\n", "1[a|b] 2[c|d]");
  assert_parse ("a,,c,\n", "1[a||c|]");
  assert_parse ("\"\"\"\",\"say \"\"hi\"\"\",\"\"\"\"\"\"\n", "1[\"|say \"hi\"|\"\"]");
  assert_parse ("\"a,b\",\"c,,d\",e\n", "1[a,b|c,,d|e]");
  assert_parse ("\"x\" ,\"y\"\t\n", "1[x|y]");
  assert_parse ("中文,\"数据,逗号\"\n", "1[中文|数据,逗号]");
}

static void
test_line_endings (void)
{
  assert_parse ("a,b\r\nc,d\r\n", "1[a|b] 2[c|d]");
  assert_parse ("a,b\nc,d\n", "1[a|b] 2[c|d]");
  assert_parse ("a,b\rc,d\r", "1[a|b] 2[c|d]");
  assert_parse ("a,b\r\nc,d\ne,f\rg,h", "1[a|b] 2[c|d] 3[e|f] 4[g|h]");
  /* Missing final newline, in every state a record can end in. */
  assert_parse ("a,b\nc,d", "1[a|b] 2[c|d]");
  assert_parse ("a,\"b\"", "1[a|b]");
  assert_parse ("a,", "1[a|]");
  assert_parse ("\"a\"\"\"", "1[a\"]");
  assert_parse ("\"a\" ", "1[a]");
}

static void
test_multiline (void)
{
  /* The record after a multi-line one starts on its real line. */
  assert_parse ("h1,h2\n\"multi\nline\",x\nnext,y\n", "1[h1|h2] 2[multi\nline|x] 4[next|y]");
  assert_parse ("\"a\r\nb\",c\r\nd,e", "1[a\r\nb|c] 3[d|e]");
  assert_parse ("\"1\n2\n3\r4\r\n5\"\nz", "1[1\n2\n3\r4\r\n5] 6[z]");
  assert_parse ("\"\n\",\"\n\"\n\"\"\"\n\"\"\"\nx", "1[\n|\n] 4[\"\n\"] 6[x]");
}

static void
test_empty_lines (void)
{
  assert_parse ("\n\na,b\n\n,\n\r\n c,d\n\n", "3[a|b] 7[ c|d]");
  assert_parse (",,,\r\n\"\",\r\n", "");
  assert_parse ("\n\n\n", "");
  assert_parse ("a\n\n\n", "1[a]");
  assert_parse ("   \n", "1[   ]");
}

static void
test_stray_quote (void)
{
  /* Each bad record is reported on its line; the reader goes on at the next line. */
  assert_parse ("a,b\nc,d\"e,f\ng,h\n", "1[a|b] 2!stray 3[g|h]");
  assert_parse ("\"x\"y,z\nok\n", "1!stray 2[ok]");
  assert_parse ("h\n\"multi\nline\"\nbad\"\n\"more\"x\nlast", "1[h] 2[multi\nline] 4!stray 5!stray 6[last]");
  assert_parse ("a\"\r\nb\"\rc\n", "1!stray 2!stray 3[c]");
  assert_parse ("bad\"", "1!stray");
  assert_parse ("x\"\"\"\"\"\"\"\n\"", "1!stray 2!unterminated");
}

static void
test_unterminated (void)
{
  assert_parse ("a,b\n\"c,d\ne,f\n", "1[a|b] 2!unterminated");
  assert_parse ("\"", "1!unterminated");
  assert_parse ("ok\n\n\"\"\"", "1[ok] 3!unterminated");
}

static void
test_bom (void)
{
  SpCsvEncoding detected = SP_CSV_ENCODING_AUTO;
  g_autofree char *with_bom = parse_full ("\xef\xbb\xbf" "Date,Amount\n2026-03-05,1\n", -1,
                                          SP_CSV_ENCODING_AUTO, &detected);
  g_autofree char *without = parse_full ("Date,Amount\n2026-03-05,1\n", -1,
                                         SP_CSV_ENCODING_AUTO, &detected);
  g_autofree char *forced = parse_full ("\xef\xbb\xbf" "Date\n", -1, SP_CSV_ENCODING_UTF8, NULL);
  g_autofree char *only = parse_full ("\xef\xbb\xbf", -1, SP_CSV_ENCODING_AUTO, &detected);
  g_autofree char *quoted = parse_full ("\xef\xbb\xbf\"日期\",金额\n", -1, SP_CSV_ENCODING_AUTO, &detected);

  g_assert_cmpstr (with_bom, ==, "1[Date|Amount] 2[2026-03-05|1]");
  g_assert_cmpstr (without, ==, with_bom);
  g_assert_cmpstr (forced, ==, "1[Date]");
  g_assert_cmpstr (only, ==, "");
  g_assert_cmpstr (quoted, ==, "1[日期|金额]");
  g_assert_cmpint (detected, ==, SP_CSV_ENCODING_UTF8);
}

static void
test_utf16_refused (void)
{
  g_autoptr(GInputStream) stream = stream_of ("\xff\xfe" "D\0a\0", 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCsvReader) reader = sp_csv_reader_new (stream, SP_CSV_ENCODING_AUTO, &error);

  g_assert_null (reader);
  g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "csv", name, NULL);
}

static void
test_gb18030_fixture (void)
{
  g_autofree char *path = fixture_path ("history-gb18030.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);
  g_autoptr(SpCsvReader) reader = NULL;
  g_autoptr(SpCsvColumnMap) map = NULL;
  const char * const *fields;
  const SpCsvField *history;
  guint n, n_history, line;

  g_assert_no_error (error);
  reader = sp_csv_reader_new (G_INPUT_STREAM (stream), SP_CSV_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_csv_reader_get_encoding (reader), ==, SP_CSV_ENCODING_GB18030);

  g_assert_true (sp_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpstr (fields[0], ==, "日期");
  g_assert_cmpstr (fields[1], ==, "金额（元）");

  history = sp_csv_history_fields (&n_history);
  map = sp_csv_column_map_from_header (history, n_history, fields, n);
  for (guint f = 0; f < n_history; f++)
    g_assert_cmpint (sp_csv_column_map_get_column (map, f), ==, (int) f);
  g_assert_true (sp_csv_column_map_validate (map, &error));

  g_assert_true (sp_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (sp_csv_column_map_get_value (map, fields, n, SP_CSV_HISTORY_DATE), ==, "2026年3月5日");
  g_assert_cmpstr (sp_csv_column_map_get_value (map, fields, n, SP_CSV_HISTORY_AMOUNT), ==, "1,234.50");
  g_assert_cmpstr (sp_csv_column_map_get_value (map, fields, n, SP_CSV_HISTORY_REP), ==, "张三");

  g_assert_true (sp_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (fields[1], ==, "￥980");

  g_assert_true (sp_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpstr (fields[4], ==, "服务,咨询");
  g_assert_cmpstr (fields[5], ==, "政府\n事业单位");

  g_assert_false (sp_csv_reader_next (reader, &fields, &n, &line, &error));
  g_assert_no_error (error);
}

static void
test_utf8_bom_fixture (void)
{
  g_autofree char *path = fixture_path ("history-utf8-bom.csv");
  g_autofree char *contents = NULL;
  g_autofree char *result = NULL;
  gsize len;
  SpCsvEncoding detected;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfOrder Date,"));
  result = parse_full (contents, len, SP_CSV_ENCODING_AUTO, &detected);
  g_assert_cmpstr (result, ==,
                   "1[Order Date|Amount (CNY)|Region|Sales Rep|Product Line|Segment|Customer ID|Order ID|Notes] "
                   "2[2026-03-05|1234.50|East|Zhang San|Software|Enterprise|C-001|SO-0001|first \"big\" order] "
                   "3[2026-03-06|980|North|Li Si|Hardware|SMB|C-002|SO-0002|]");
  g_assert_cmpint (detected, ==, SP_CSV_ENCODING_UTF8);
}

static char *
to_gb18030 (const char *utf8)
{
  g_autoptr(GError) error = NULL;
  char *bytes = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_gb18030_forced_and_wrong (void)
{
  g_autofree char *bytes = to_gb18030 ("区域,销售额\nabc,1\n华东,2\n\"大区\n华南\",3\n");
  g_autofree char *forced = parse_full (bytes, -1, SP_CSV_ENCODING_GB18030, NULL);
  g_autofree char *wrong = parse_full (bytes, -1, SP_CSV_ENCODING_UTF8, NULL);
  g_autofree char *utf8_as_gb = parse_full ("a\n\xe4\xb8\xad\xff\n", -1, SP_CSV_ENCODING_GB18030, NULL);
  g_autofree char *nul = parse_full ("a\nb\0c\n\"d\0\"\ne\n", 13, SP_CSV_ENCODING_GB18030, NULL);

  g_assert_cmpstr (forced, ==, "1[区域|销售额] 2[abc|1] 3[华东|2] 4[大区\n华南|3]");
  /* Forcing the wrong encoding: every non-ASCII record is reported, the others read. */
  g_assert_cmpstr (wrong, ==, "1!encoding 2[abc|1] 3!encoding 4!encoding");
  g_assert_cmpstr (utf8_as_gb, ==, "1[a] 2!encoding");
  g_assert_cmpstr (nul, ==, "1[a] 2!encoding 3!encoding 4[e]");
}

static void
test_invalid_utf8 (void)
{
  /* A damaged cell in a UTF-8 file is reported on its line, not read as GB18030. */
  assert_parse ("名字,x\nok,中文数据\nbad,\xe4\xb8\nfine,y\n",
                "1[名字|x] 2[ok|中文数据] 3!encoding 4[fine|y]");
  assert_parse ("a\nb\0c\nd\n", "1[a] 2[b]");  /* the C string ends at the NUL */
  {
    g_autofree char *nul = parse_full ("a\nb\0c\nd\n", 8, SP_CSV_ENCODING_AUTO, NULL);

    g_assert_cmpstr (nul, ==, "1[a] 2!encoding 3[d]");
  }
}

/* Detection waits for the first non-ASCII byte, wherever it is. */
static void
test_detection_late (void)
{
  g_autoptr(GString) text = g_string_new ("Region,Amount\n");
  g_autofree char *tail = to_gb18030 ("华东,5\n");
  g_autofree char *result = NULL;
  g_autofree char *expected = NULL;
  SpCsvEncoding detected = SP_CSV_ENCODING_AUTO;
  guint rows = 0;

  while (text->len < 200000)
    {
      g_string_append (text, "North,1\n");
      rows++;
    }
  g_string_append (text, tail);

  result = parse_full (text->str, text->len, SP_CSV_ENCODING_AUTO, &detected);
  g_assert_cmpint (detected, ==, SP_CSV_ENCODING_GB18030);
  expected = g_strdup_printf ("%u[North|1] %u[华东|5]", rows + 1, rows + 2);
  g_assert_cmpuint (text->len, >, 65536 * 3);
  g_assert_true (g_str_has_suffix (result, expected));
}

/* Every position of tricky text across the 64 KiB chunk boundary reads the same. */
static void
test_chunk_boundaries (void)
{
  const char *tricky = "\"q\"\"x\",\"multi\r\nline\"\r\nplain,\"a,b\"\r\n\"\"\r\n\r\n"
                       "bad\"q\r\nlast,中文\r\n\"end\"\r";
  const char *expected = "2[q\"x|multi\r\nline] 4[plain|a,b] 7!stray 8[last|中文] 9[end]";
  g_autofree char *gb = to_gb18030 (tricky);
  const char *expected_gb = "2[q\"x|multi\r\nline] 4[plain|a,b] 7!stray 8[last|中文] 9[end]";
  gsize len = strlen (tricky);

  for (gsize k = 1; k <= len + 2; k++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *result = NULL;
      g_autofree char *result_gb = NULL;
      const char *rest;
      SpCsvEncoding detected;

      g_string_append_c (text, '"');
      while (text->len < 65536 - k - 2)
        g_string_append_c (text, 'P');
      g_string_append (text, "\"\n");
      g_assert_cmpuint (text->len, ==, 65536 - k);
      g_string_append (text, tricky);

      result = parse_full (text->str, text->len, SP_CSV_ENCODING_AUTO, &detected);
      rest = strchr (result, ' ');
      g_assert_nonnull (rest);
      g_assert_cmpstr (rest + 1, ==, expected);
      g_assert_cmpint (detected, ==, SP_CSV_ENCODING_UTF8);

      g_string_truncate (text, 65536 - k);
      g_string_append (text, gb);
      result_gb = parse_full (text->str, text->len, SP_CSV_ENCODING_AUTO, &detected);
      rest = strchr (result_gb, ' ');
      g_assert_nonnull (rest);
      g_assert_cmpstr (rest + 1, ==, expected_gb);
      g_assert_cmpint (detected, ==, SP_CSV_ENCODING_GB18030);
    }
}

static void
test_record_too_long (void)
{
  gsize len = SP_CSV_MAX_RECORD_BYTES + 200000;
  g_autofree char *text = g_malloc (len);
  g_autofree char *result = NULL;

  memset (text, 'x', len);
  memcpy (text, "ok\n\"", 4);
  result = parse_full (text, len, SP_CSV_ENCODING_AUTO, NULL);
  g_assert_cmpstr (result, ==, "1[ok] 2!too-long");
}

static void
test_field_count (void)
{
  g_autoptr(GInputStream) stream = stream_of ("a,b,c\n1,2\n1,2,3,,\n1,2,3,4\n1,2,3\n", -1);
  g_autoptr(SpCsvReader) reader = sp_csv_reader_new (stream, SP_CSV_ENCODING_AUTO, NULL);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n_header = 0, line;

  g_assert_true (sp_csv_reader_next (reader, NULL, &n_header, &line, &error));
  while (sp_csv_reader_next (reader, NULL, NULL, &line, &error))
    {
      if (!sp_csv_reader_check_field_count (reader, n_header, &error))
        {
          g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_FIELD_COUNT);
          g_ptr_array_add (errors, g_strdup (error->message));
          g_clear_error (&error);
        }
    }
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (errors, 0), ==, "Line 2 has 2 fields; the header has 3");
  g_assert_cmpstr (g_ptr_array_index (errors, 1), ==, "Line 4 has 4 fields; the header has 3");
}

static void
test_error_messages (void)
{
  g_autoptr(GInputStream) stream = stream_of ("a\nx\"y\n\"open\n", -1);
  g_autoptr(SpCsvReader) reader = sp_csv_reader_new (stream, SP_CSV_ENCODING_AUTO, NULL);
  g_autoptr(GError) error = NULL;
  guint line = 0;

  g_assert_true (sp_csv_reader_next (reader, NULL, NULL, &line, &error));
  g_assert_false (sp_csv_reader_next (reader, NULL, NULL, &line, &error));
  g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_STRAY_QUOTE);
  g_assert_cmpuint (line, ==, 2);
  g_assert_true (g_str_has_prefix (error->message, "Line 2: a quote in the middle of a field"));
  g_clear_error (&error);
  g_assert_false (sp_csv_reader_next (reader, NULL, NULL, &line, &error));
  g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpstr (error->message, ==, "Line 3: a quoted field is not closed before the end of the file");
  g_clear_error (&error);
  g_assert_false (sp_csv_reader_next (reader, NULL, NULL, &line, &error));
  g_assert_no_error (error);
}

static void
test_encoding_names (void)
{
  SpCsvEncoding e = SP_CSV_ENCODING_AUTO;

  g_assert_true (sp_csv_encoding_from_string ("GBK", &e));
  g_assert_cmpint (e, ==, SP_CSV_ENCODING_GB18030);
  g_assert_true (sp_csv_encoding_from_string ("utf-8", &e));
  g_assert_cmpint (e, ==, SP_CSV_ENCODING_UTF8);
  g_assert_true (sp_csv_encoding_from_string ("Auto", &e));
  g_assert_cmpint (e, ==, SP_CSV_ENCODING_AUTO);
  g_assert_false (sp_csv_encoding_from_string ("latin1", &e));
  g_assert_cmpstr (sp_csv_encoding_to_string (SP_CSV_ENCODING_GB18030), ==, "GB18030");
}

/* ------------------------------------------------------------------------------------------ */

static SpCsvColumnMap *
history_map (const char * const *header)
{
  guint n_fields;
  const SpCsvField *fields = sp_csv_history_fields (&n_fields);

  return sp_csv_column_map_from_header (fields, n_fields, header, g_strv_length ((char **) header));
}

static char *
describe_map (SpCsvColumnMap *map)
{
  g_auto(GStrv) unused = sp_csv_column_map_dup_unused_headers (map);
  g_autofree char *unused_text = g_strjoinv ("|", unused);
  GString *out = g_string_new (NULL);

  for (guint f = 0; f < sp_csv_column_map_get_n_fields (map); f++)
    g_string_append_printf (out, "%s=%d ", sp_csv_column_map_get_field (map, f)->name,
                            sp_csv_column_map_get_column (map, f));
  g_string_append_printf (out, "unused=%s", unused_text);

  return g_string_free (out, FALSE);
}

static void
test_map_english (void)
{
  const char *header[] = { "Order Date", "Amount (CNY)", " REGION ", "Sales-Rep", "product_line",
                           "Segment", "Customer ID", "Order ID", "Notes", NULL };
  g_autoptr(SpCsvColumnMap) map = history_map (header);
  g_autofree char *text = describe_map (map);
  g_autoptr(GError) error = NULL;
  const char *record[] = { "2026-03-05", "1", "East", "Zhang", "SW", "SMB", "C1", "O1", "n", NULL };

  g_assert_cmpstr (text, ==, "date=0 amount=1 region=2 rep=3 product=4 customer_type=5 "
                             "customer=6 order=7 unused=Notes");
  g_assert_true (sp_csv_column_map_validate (map, &error));
  g_assert_cmpstr (sp_csv_column_map_get_value (map, record, 9, SP_CSV_HISTORY_REP), ==, "Zhang");
  /* A short record has nothing for the later columns. */
  g_assert_cmpstr (sp_csv_column_map_get_value (map, record, 2, SP_CSV_HISTORY_REP), ==, "");
}

static void
test_map_chinese (void)
{
  const char *header[] = { "\xef\xbb\xbf订单日期", "销售额（元）", "大区", "业务员 ", "产品线",
                           "客户类型", "客户编号", "订单编号", NULL };
  g_autoptr(SpCsvColumnMap) map = history_map (header);
  g_autofree char *text = describe_map (map);
  const char *paren[] = { "日期", "金额(元)", "负责人", "区域：", "（产品）", NULL };
  g_autoptr(SpCsvColumnMap) paren_map = history_map (paren);
  g_autofree char *paren_text = describe_map (paren_map);

  g_assert_cmpstr (text, ==, "date=0 amount=1 region=2 rep=3 product=4 customer_type=5 "
                             "customer=6 order=7 unused=");
  g_assert_cmpstr (paren_text, ==, "date=0 amount=1 region=3 rep=2 product=4 customer_type=-1 "
                                   "customer=-1 order=-1 unused=");
}

static void
test_map_mixed_overrides (void)
{
  const char *header[] = { "Day", " 金额 ", "区域", "Owner", "产品", "备注", "下单日期", "Amount", NULL };
  g_autoptr(SpCsvColumnMap) map = history_map (header);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = describe_map (map);
  g_autofree char *after = NULL;

  /* Left-most recognised column wins. */
  g_assert_cmpstr (before, ==, "date=0 amount=1 region=2 rep=3 product=4 customer_type=-1 "
                               "customer=-1 order=-1 unused=备注|下单日期|Amount");

  g_assert_true (sp_csv_column_map_apply_override (map, "date=下单日期", &error));
  g_assert_no_error (error);
  g_assert_true (sp_csv_column_map_apply_override (map, "销售员 = 6", &error));
  g_assert_true (sp_csv_column_map_apply_override (map, "AMOUNT=amount", &error));
  g_assert_true (sp_csv_column_map_apply_override (map, "product=", &error));
  /* A column feeds one field: giving "区域" to customer type takes it from region. */
  g_assert_true (sp_csv_column_map_set_column (map, SP_CSV_HISTORY_CUSTOMER_TYPE, 2, &error));
  after = describe_map (map);
  g_assert_cmpstr (after, ==, "date=6 amount=7 region=-1 rep=5 product=-1 customer_type=2 "
                              "customer=-1 order=-1 unused=Day| 金额 |Owner|产品");

  g_assert_cmpint (sp_csv_column_map_find_field (map, "Customer Type"), ==, SP_CSV_HISTORY_CUSTOMER_TYPE);
  g_assert_cmpint (sp_csv_column_map_find_field (map, "客户编号"), ==, SP_CSV_HISTORY_CUSTOMER);
  g_assert_cmpint (sp_csv_column_map_find_field (map, "nothing"), ==, -1);

  g_assert_false (sp_csv_column_map_apply_override (map, "colour=Day", &error));
  g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNKNOWN_FIELD);
  g_assert_cmpstr (error->message, ==, "There is no field “colour”; the fields are: date, amount, "
                                       "region, rep, product, customer_type, customer, order");
  g_clear_error (&error);
  g_assert_false (sp_csv_column_map_apply_override (map, "date=Nope", &error));
  g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNKNOWN_COLUMN);
  g_assert_true (g_str_has_prefix (error->message, "The file has no column “Nope”; its columns are: “Day”"));
  g_clear_error (&error);
  g_assert_false (sp_csv_column_map_apply_override (map, "date=9", &error));
  g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNKNOWN_COLUMN);
  g_clear_error (&error);
  g_assert_false (sp_csv_column_map_apply_override (map, "date", &error));
  g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNKNOWN_FIELD);
  g_clear_error (&error);
  g_assert_false (sp_csv_column_map_set_column (map, SP_CSV_HISTORY_DATE, 8, &error));
  g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNKNOWN_COLUMN);
  g_clear_error (&error);
  /* Failed overrides changed nothing. */
  g_assert_cmpint (sp_csv_column_map_get_column (map, SP_CSV_HISTORY_DATE), ==, 6);
}

static void
test_map_missing (void)
{
  const char *header[] = { "Region", "Rep", "Notes", NULL };
  const char *one[] = { "Date", NULL };
  const char *none[] = { NULL };
  g_autoptr(SpCsvColumnMap) map = history_map (header);
  g_autoptr(SpCsvColumnMap) one_map = history_map (one);
  g_autoptr(SpCsvColumnMap) none_map = history_map (none);
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_csv_column_map_validate (map, &error));
  g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_MISSING_COLUMNS);
  g_assert_cmpstr (error->message, ==,
                   "No columns for Date, Amount. The file’s columns: “Region”, “Rep”, “Notes”");
  g_clear_error (&error);

  g_assert_false (sp_csv_column_map_validate (one_map, &error));
  g_assert_cmpstr (error->message, ==, "No column for Amount. The file’s columns: “Date”");
  g_clear_error (&error);

  g_assert_false (sp_csv_column_map_validate (none_map, &error));
  g_assert_cmpstr (error->message, ==, "No columns for Date, Amount. The file’s columns: none");
  g_clear_error (&error);

  /* The override fixes it. */
  g_assert_true (sp_csv_column_map_apply_override (one_map, "amount=Date", &error));
  g_assert_true (sp_csv_column_map_apply_override (one_map, "date=", &error));
  g_assert_false (sp_csv_column_map_validate (one_map, &error));
  g_assert_cmpstr (error->message, ==, "No column for Date. The file’s columns: “Date”");
}

/* ------------------------------------------------------------------------------------------ */

static char *
write_row (const char * const *fields,
           guint               n)
{
  GString *out = g_string_new (NULL);

  sp_csv_write_row (out, fields, n);
  return g_string_free (out, FALSE);
}

static void
test_write_quoting (void)
{
  const char *fields[] = { "a", "b,c", "say \"hi\"", "line\nbreak", " lead", "trail ", "", NULL,
                           "中文", "\"", "cr\r", "x\ty", NULL };
  g_autofree char *row = write_row (fields, 12);
  g_autofree char *empty = write_row (NULL, 0);

  g_assert_cmpstr (row, ==, "a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",\" lead\",\"trail \",,,"
                            "中文,\"\"\"\",\"cr\r\",x\ty\r\n");
  g_assert_cmpstr (empty, ==, "\r\n");

  /* A cell starting with U+FEFF must not turn into a BOM at the start of the file. */
  {
    const char *bom_cell[] = { "\xef\xbb\xbf" "6", "x" };
    g_autofree char *bom_row = write_row (bom_cell, 2);
    g_autofree char *back = parse (bom_row);

    g_assert_cmpstr (bom_row, ==, "\"\xef\xbb\xbf" "6\",x\r\n");
    g_assert_cmpstr (back, ==, "1[\xef\xbb\xbf" "6|x]");
  }
}

static void
test_write_neutralise (void)
{
  static const struct { const char *cell, *written; } cases[] = {
    { "=SUM(A1)", "'=SUM(A1)" },
    { "-12.50", "-12.50" },
    { "+3", "+3" },
    { "-1,234.56", "\"-1,234.56\"" },
    { "-.5", "-.5" },
    { "-1e5", "-1e5" },
    { "-12%", "-12%" },
    { "-abc", "'-abc" },
    { "@x", "'@x" },
    { "+86 138", "'+86 138" },
    { "-", "'-" },
    { "-1,23", "\"'-1,23\"" },
    { "=1+2", "'=1+2" },
    { "\tx", "'\tx" },
    { "\r=x", "\"'\r=x\"" },
    { "  =cmd", "'  =cmd" },
    { " -5", "\" -5\"" },
    { "12-3", "12-3" },
    { "a=b", "a=b" },
    { "=\"x\"", "\"'=\"\"x\"\"\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *fields[] = { cases[i].cell };
      g_autofree char *row = write_row (fields, 1);
      g_autofree char *expected = g_strconcat (cases[i].written, "\r\n", NULL);

      g_assert_cmpstr (row, ==, expected);
    }

  g_assert_cmpstr (sp_csv_strip_neutraliser ("'=SUM(A1)"), ==, "=SUM(A1)");
  g_assert_cmpstr (sp_csv_strip_neutraliser ("'-12"), ==, "'-12");
  g_assert_cmpstr (sp_csv_strip_neutraliser ("'abc"), ==, "'abc");
}

static guint
count_line_ends (const char *text,
                 gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n' ? (i == 0 || text[i - 1] != '\r') : text[i] == '\r')
      n++;

  return n;
}

static char *
random_cell (GRand *rand)
{
  static const char *const pieces[] = {
    "a", "b", "Z", "1", "0", ".", ",", "\"", "\"\"", "\n", "\r", "\r\n", " ", "\t", "中", "文",
    "，", "😀", "=", "-", "+", "@", "'", "é",
  };
  GString *cell = g_string_new (NULL);
  guint len = g_rand_int_range (rand, 0, 4) == 0 ? 0 : (guint) g_rand_int_range (rand, 1, 12);

  for (guint i = 0; i < len; i++)
    g_string_append (cell, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

  return g_string_free (cell, FALSE);
}

static void
test_write_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SpCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n, line, index = 0;

  sp_csv_write_bom (out);
  for (guint r = 0; r < 3000; r++)
    {
      guint n_cells = g_rand_int_range (rand, 1, 7);
      g_auto(GStrv) cells = g_new0 (char *, n_cells + 1);
      g_autoptr(GStrvBuilder) expected = g_strv_builder_new ();
      gboolean blank = TRUE;
      guint start_line = 1 + count_line_ends (out->str, out->len);

      for (guint c = 0; c < n_cells; c++)
        {
          cells[c] = random_cell (rand);
          blank = blank && cells[c][0] == '\0';
          if (sp_csv_needs_neutralising (cells[c]))
            {
              g_autofree char *neutralised = g_strconcat ("'", cells[c], NULL);

              g_strv_builder_add (expected, neutralised);
            }
          else
            g_strv_builder_add (expected, cells[c]);
        }
      sp_csv_write_row (out, (const char * const *) cells, n_cells);
      /* Rows of empty cells are blank lines to the reader. */
      if (!blank)
        {
          g_ptr_array_add (rows, g_strv_builder_end (expected));
          g_array_append_val (lines, start_line);
        }
    }

  stream = stream_of (out->str, out->len);
  reader = sp_csv_reader_new (stream, SP_CSV_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  while (sp_csv_reader_next (reader, &fields, &n, &line, &error))
    {
      char **expected = g_ptr_array_index (rows, index);

      g_assert_cmpuint (index, <, rows->len);
      g_assert_cmpuint (n, ==, g_strv_length (expected));
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (fields[i], ==, expected[i]);
      g_assert_cmpuint (line, ==, g_array_index (lines, guint, index));
      index++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, rows->len);
  g_assert_cmpint (sp_csv_reader_get_encoding (reader), ==, SP_CSV_ENCODING_UTF8);
}

static void
test_writer_stream (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(SpCsvWriter) writer = sp_csv_writer_new (out, SP_CSV_WRITE_BOM);
  g_autoptr(GError) error = NULL;
  const char *header[] = { "日期", "金额" };
  const char *row[] = { "2026-03-05", "-12.50" };
  g_autofree char *text = NULL;
  gsize len;

  g_assert_true (sp_csv_writer_write_row (writer, header, 2, NULL, &error));
  for (guint i = 0; i < 20000; i++)
    g_assert_true (sp_csv_writer_write_row (writer, row, 2, NULL, &error));
  g_assert_true (sp_csv_writer_flush (writer, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);

  len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpuint (len, ==, 3 + strlen ("日期,金额\r\n") + 20000 * strlen ("2026-03-05,-12.50\r\n"));
  g_assert_cmpmem (text, 18, "\xef\xbb\xbf日期,金额\r\n", 18);
}

/* ------------------------------------------------------------------------------------------ */

static void
assert_date_ok (const char     *text,
                SpCsvDateOrder  order,
                const char     *iso)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  char buf[16];

  g_date_clear (&date, 1);
  if (!sp_csv_parse_date (text, order, &date, &error))
    g_error ("“%s” did not parse: %s", text, error->message);
  g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  g_assert_cmpstr (buf, ==, iso);
}

static void
assert_date_bad (const char     *text,
                 SpCsvDateOrder  order,
                 int             code,
                 const char     *message)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_assert_false (sp_csv_parse_date (text, order, &date, &error));
  g_assert_error (error, SP_CSV_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_dates (void)
{
  const SpCsvDateOrder A = SP_CSV_DATE_ORDER_AUTO, D = SP_CSV_DATE_ORDER_DMY, M = SP_CSV_DATE_ORDER_MDY;

  assert_date_ok ("2026-03-05", A, "2026-03-05");
  assert_date_ok ("2026/3/5", A, "2026-03-05");
  assert_date_ok ("2026.3.5", M, "2026-03-05");
  assert_date_ok ("2026-3-05", D, "2026-03-05");
  assert_date_ok ("2026年3月5日", A, "2026-03-05");
  assert_date_ok ("2026年03月05日", A, "2026-03-05");
  assert_date_ok ("2026 年 3 月 5 日", A, "2026-03-05");
  assert_date_ok ("2026年3月5", A, "2026-03-05");
  assert_date_ok (" 2026-03-05 ", A, "2026-03-05");
  assert_date_ok ("２０２６－０３－０５", A, "2026-03-05");
  assert_date_ok ("2026/3/5 0:00", A, "2026-03-05");
  assert_date_ok ("2026-03-05 08:30:00", A, "2026-03-05");
  assert_date_ok ("2026-03-05T08:30:00.000Z", A, "2026-03-05");
  assert_date_ok ("2026年3月5日 13:45", A, "2026-03-05");
  assert_date_ok ("2028-02-29", A, "2028-02-29");
  assert_date_ok ("05/03/2026", D, "2026-03-05");
  assert_date_ok ("05/03/2026", M, "2026-05-03");
  assert_date_ok ("5.3.2026", D, "2026-03-05");
  assert_date_ok ("25/03/2026", A, "2026-03-25");
  assert_date_ok ("25/03/2026", D, "2026-03-25");
  assert_date_ok ("03/25/2026", A, "2026-03-25");
  assert_date_ok ("05/05/2026", A, "2026-05-05");
  assert_date_ok ("31/12/2026 23:59:59", A, "2026-12-31");

  assert_date_bad ("2026-02-30", A, SP_CSV_ERROR_DATE, "“2026-02-30” is not a day on the calendar");
  assert_date_bad ("2026-02-29", A, SP_CSV_ERROR_DATE, "“2026-02-29” is not a day on the calendar");
  assert_date_bad ("2026-13-01", A, SP_CSV_ERROR_DATE, "“2026-13-01” is not a day on the calendar");
  assert_date_bad ("2026-00-10", A, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("32/01/2026", A, SP_CSV_ERROR_DATE, "“32/01/2026” is not a day on the calendar");
  assert_date_bad ("03/05/2026", A, SP_CSV_ERROR_DATE_AMBIGUOUS,
                   "“03/05/2026” could be 2026-05-03 or 2026-03-05; choose whether the dates are "
                   "day/month/year or month/day/year");
  assert_date_bad ("25/03/2026", M, SP_CSV_ERROR_DATE,
                   "“25/03/2026” is not a date in month/day/year order");
  assert_date_bad ("03/25/2026", D, SP_CSV_ERROR_DATE,
                   "“03/25/2026” is not a date in day/month/year order");
  assert_date_bad ("abc", A, SP_CSV_ERROR_DATE, "“abc” is not a date; write it like 2026-03-05");
  assert_date_bad ("", A, SP_CSV_ERROR_DATE, "Enter a date");
  assert_date_bad ("   ", A, SP_CSV_ERROR_DATE, "Enter a date");
  assert_date_bad ("2026-3-5x", A, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("2026/3-5", A, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("26/3/5", A, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("05/03/26", D, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("20260305", A, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("2026-003-05", A, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("12026-03-05", A, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("2026-03-05 25:00", A, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("2026-03-05 8", A, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("2026年3月", A, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("0000-01-01", A, SP_CSV_ERROR_DATE, NULL);
  assert_date_bad ("\xff\xfe", A, SP_CSV_ERROR_DATE, "“\xef\xbf\xbd\xef\xbf\xbd” is not a date; write it like 2026-03-05");
  assert_date_bad ("a very long cell that is certainly not any kind of date at all", A,
                   SP_CSV_ERROR_DATE,
                   "“a very long cell that is certainly not …” is not a date; write it like 2026-03-05");
}

/* ------------------------------------------------------------------------------------------ */

/* Whatever the bytes, the reader ends, reports lines in order, hands out valid UTF-8 and leaves
 * nothing behind (AddressSanitizer checks the rest). Deterministic, unlike the fuzzer. */
static void
test_random_bytes (void)
{
  static const char *const pieces[] = {
    "\"", "\"", ",", ",", "\r", "\n", "\r\n", "a", "bc", " ", "\t", "\0", "\xef\xbb\xbf",
    "\xff\xfe", "\xe4\xb8\xad", "\xe4", "\xb8", "\xd6\xd0", "\x81\x30\x81\x30", "\x81\x30", "\x80",
    "=", "-1", "2026-03-05", "03/05/2026", "年", "\xc3",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  guint n_fields, records = 0, errors = 0;
  const SpCsvField *history = sp_csv_history_fields (&n_fields);

  for (guint iteration = 0; iteration < 20000; iteration++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(SpCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      SpCsvEncoding encoding = (SpCsvEncoding) g_rand_int_range (rand, 0, 3);
      guint n_pieces = g_rand_int_range (rand, 0, 60);
      guint last_line = 0;

      for (guint i = 0; i < n_pieces; i++)
        {
          if (g_rand_int_range (rand, 0, 4) == 0)
            {
              guint8 b = (guint8) g_rand_int_range (rand, 0, 256);

              g_byte_array_append (bytes, &b, 1);
            }
          else
            {
              const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

              g_byte_array_append (bytes, (const guint8 *) piece, MAX (strlen (piece), 1));
            }
        }

      stream = g_memory_input_stream_new_from_data (g_memdup2 (bytes->data, bytes->len),
                                                    bytes->len, g_free);
      reader = sp_csv_reader_new (stream, encoding, &error);
      if (reader == NULL)
        {
          g_assert_error (error, SP_CSV_ERROR, SP_CSV_ERROR_UNSUPPORTED);
          continue;
        }

      for (guint guard = 0;; guard++)
        {
          const char * const *fields;
          guint n, line = 0;

          g_assert_cmpuint (guard, <=, bytes->len + 1);
          if (sp_csv_reader_next (reader, &fields, &n, &line, &error))
            {
              g_autoptr(SpCsvColumnMap) map = sp_csv_column_map_from_header (history, n_fields, fields, n);
              GDate date;

              records++;
              for (guint i = 0; i < n; i++)
                {
                  g_autoptr(GError) date_error = NULL;

                  g_assert_true (g_utf8_validate (fields[i], -1, NULL));
                  if (!sp_csv_parse_date (fields[i], SP_CSV_DATE_ORDER_AUTO, &date, &date_error))
                    g_assert_true (g_error_matches (date_error, SP_CSV_ERROR, SP_CSV_ERROR_DATE)
                                   || g_error_matches (date_error, SP_CSV_ERROR,
                                                       SP_CSV_ERROR_DATE_AMBIGUOUS));
                  else
                    g_assert_true (g_date_valid (&date));
                }
              sp_csv_reader_check_field_count (reader, 3, NULL);
              sp_csv_column_map_validate (map, NULL);
            }
          else if (error != NULL)
            {
              g_assert_true (error->domain == SP_CSV_ERROR);
              errors++;
              g_clear_error (&error);
            }
          else
            {
              break;
            }
          g_assert_cmpuint (line, >, last_line);
          last_line = line;
        }
    }

  g_test_message ("%u records, %u errors", records, errors);
  g_assert_cmpuint (records, >, 5000);
  g_assert_cmpuint (errors, >, 10000);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/read/basic", test_basic);
  g_test_add_func ("/csv/read/line-endings", test_line_endings);
  g_test_add_func ("/csv/read/multiline", test_multiline);
  g_test_add_func ("/csv/read/empty-lines", test_empty_lines);
  g_test_add_func ("/csv/read/stray-quote", test_stray_quote);
  g_test_add_func ("/csv/read/unterminated", test_unterminated);
  g_test_add_func ("/csv/read/bom", test_bom);
  g_test_add_func ("/csv/read/utf16-refused", test_utf16_refused);
  g_test_add_func ("/csv/read/gb18030-fixture", test_gb18030_fixture);
  g_test_add_func ("/csv/read/utf8-bom-fixture", test_utf8_bom_fixture);
  g_test_add_func ("/csv/read/gb18030-forced", test_gb18030_forced_and_wrong);
  g_test_add_func ("/csv/read/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/csv/read/detection-late", test_detection_late);
  g_test_add_func ("/csv/read/chunk-boundaries", test_chunk_boundaries);
  g_test_add_func ("/csv/read/record-too-long", test_record_too_long);
  g_test_add_func ("/csv/read/field-count", test_field_count);
  g_test_add_func ("/csv/read/error-messages", test_error_messages);
  g_test_add_func ("/csv/read/encoding-names", test_encoding_names);
  g_test_add_func ("/csv/read/random-bytes", test_random_bytes);
  g_test_add_func ("/csv/map/english", test_map_english);
  g_test_add_func ("/csv/map/chinese", test_map_chinese);
  g_test_add_func ("/csv/map/mixed-overrides", test_map_mixed_overrides);
  g_test_add_func ("/csv/map/missing", test_map_missing);
  g_test_add_func ("/csv/write/quoting", test_write_quoting);
  g_test_add_func ("/csv/write/neutralise", test_write_neutralise);
  g_test_add_func ("/csv/write/round-trip", test_write_round_trip);
  g_test_add_func ("/csv/write/stream", test_writer_stream);
  g_test_add_func ("/csv/date", test_dates);

  return g_test_run ();
}
