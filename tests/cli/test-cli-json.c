/* test-cli-json.c — the JSON the CLI prints reads back exactly: quotes, backslashes, control
 * characters, Chinese and emoji in a worksheet note survive json-glib's parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "cli-runner.h"

static const char * const tricky[] = {
  "say \"hi\"",
  "C:\\plans\\2026\\",
  "tab\there, newline\nthere, CR\r, bell\a, \x01 and \x1f",
  "行业整体增速约8%，预计带动增长3%。",
  "🚀 emoji 👩‍💼 and a lone \u2028 separator",
  "</script> & ' / \\u0041",
};

static const char *
adjustment_note (JsonNode   *root,
                 const char *basis)
{
  JsonArray *adjustments = json_object_get_array_member (json_node_get_object (root),
                                                         "adjustments");

  for (guint i = 0; i < json_array_get_length (adjustments); i++)
    {
      JsonObject *line = json_array_get_object_element (adjustments, i);

      if (g_str_equal (json_object_get_string_member (line, "basis"), basis))
        return json_object_get_string_member (line, "note");
    }
  g_assert_not_reached ();
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "demo.db");
  g_autoptr(CliResult) demo = run_cli (fixture, "demo", "--file", db, "--today", TODAY, NULL);

  g_assert_cmpint (demo->status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      g_autoptr(CliResult) json = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      json = run_cli (fixture, "worksheet", "--file", db, "--year", "2026", "--adjust",
                      "industry=+3%", "--note", tricky[i], "--json", NULL);
      assert_succeeded_with (json, NULL);
      /* Control characters never appear raw: each line of the output is one JSON line. */
      for (const char *p = json->out; *p != '\0'; p++)
        if ((guchar) *p < 0x20 && *p != '\n')
          g_error ("raw control character 0x%02x in: %s", (guchar) *p, p);
      g_assert_true (json_parser_load_from_data (parser, json->out, -1, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (adjustment_note (json_parser_get_root (parser), "industry"), ==, tricky[i]);
    }
}

/* The writer's own layout and escaping, as the exports and the CLI rely on them. */
static void
test_writer (void)
{
  g_autoptr(SpJsonWriter) json = sp_json_writer_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *quoted = sp_json_quote ("a\"b\\c\n\x01\x1f中😀");

  g_assert_cmpstr (quoted, ==, "\"a\\\"b\\\\c\\n\\u0001\\u001f中😀\"");

  sp_json_writer_begin_object (json, SP_JSON_BLOCK);
  sp_json_writer_key (json, "n");
  sp_json_writer_int (json, -12);
  sp_json_writer_key (json, "list");
  sp_json_writer_begin_array (json, SP_JSON_INLINE);
  sp_json_writer_int (json, 1);
  sp_json_writer_null (json);
  sp_json_writer_begin_object (json, SP_JSON_BLOCK); /* inline inside a line */
  sp_json_writer_key (json, "ok");
  sp_json_writer_boolean (json, TRUE);
  sp_json_writer_end_object (json);
  sp_json_writer_end_array (json);
  sp_json_writer_key (json, "rows");
  sp_json_writer_begin_array (json, SP_JSON_BLOCK);
  sp_json_writer_string (json, "x");
  sp_json_writer_string (json, NULL);
  sp_json_writer_end_array (json);
  sp_json_writer_key (json, "empty");
  sp_json_writer_begin_array (json, SP_JSON_BLOCK);
  sp_json_writer_end_array (json);
  sp_json_writer_end_object (json);
  text = sp_json_writer_finish_text (json);

  g_assert_cmpstr (text, ==, "{\n  \"n\": -12,\n  \"list\": [1, null, {\"ok\": true}],\n"
                             "  \"rows\": [\n    \"x\",\n    null\n  ],\n  \"empty\": []\n}\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/json/writer", test_writer);
  g_test_add ("/cli/json/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);

  return g_test_run ();
}
