/* sp-about.c — the About window, built from the app's AppStream metadata
 *
 * The merged metainfo (with its translations as xml:lang variants) is in the resource; the
 * window shows what it says, so the release notes in About are the ones software centres show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-about"

#include "config.h"

#include <string.h>

#include "sp-about.h"

typedef struct
{
  GHashTable *summary;     /* xml:lang ("" untranslated) → text */
  GHashTable *notes;       /* xml:lang → release notes markup */
  GHashTable *items;       /* xml:lang → the <li>s of the list being read */
  char       *version;     /* of the newest release: the first listed */
  char       *homepage;
  char       *bugtracker;
  char       *developer;
  char       *url_type;    /* of the <url> being read */
  GString    *text;        /* of the element being read */
  char       *lang;        /* its xml:lang */
  gboolean    in_developer;
  gboolean    in_notes;    /* inside the first release's <description> */
  guint       n_releases;
} Appdata;

static void
appdata_clear (Appdata *data)
{
  g_clear_pointer (&data->summary, g_hash_table_unref);
  g_clear_pointer (&data->notes, g_hash_table_unref);
  g_clear_pointer (&data->items, g_hash_table_unref);
  g_clear_pointer (&data->version, g_free);
  g_clear_pointer (&data->homepage, g_free);
  g_clear_pointer (&data->bugtracker, g_free);
  g_clear_pointer (&data->developer, g_free);
  g_clear_pointer (&data->url_type, g_free);
  g_string_free (data->text, TRUE);
  g_clear_pointer (&data->lang, g_free);
}

static const char *
attribute (const char  *name,
           const char **names,
           const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
append_to (GHashTable *table,
           const char *lang,
           const char *markup)
{
  GString *out = g_hash_table_lookup (table, lang);

  if (out == NULL)
    {
      out = g_string_new (NULL);
      g_hash_table_insert (table, g_strdup (lang), out);
    }
  g_string_append (out, markup);
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Appdata *data = user_data;
  const char *lang = attribute ("xml:lang", names, values);

  g_string_truncate (data->text, 0);
  g_free (data->lang);
  data->lang = g_strdup (lang != NULL ? lang : "");

  if (g_str_equal (element, "developer"))
    data->in_developer = TRUE;
  else if (g_str_equal (element, "release") && data->n_releases++ == 0)
    data->version = g_strdup (attribute ("version", names, values));
  else if (g_str_equal (element, "description") && data->n_releases == 1 && data->version)
    data->in_notes = TRUE;
  else if (g_str_equal (element, "ul") && data->in_notes)
    g_hash_table_remove_all (data->items);
  else if (g_str_equal (element, "url"))
    {
      g_free (data->url_type);
      data->url_type = g_strdup (attribute ("type", names, values));
    }
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Appdata *data = user_data;
  g_autofree char *escaped = g_markup_escape_text (data->text->str, -1);

  if (g_str_equal (element, "developer"))
    data->in_developer = FALSE;
  else if (g_str_equal (element, "name") && data->in_developer && data->developer == NULL)
    data->developer = g_strdup (data->text->str);
  else if (g_str_equal (element, "summary"))
    g_hash_table_insert (data->summary, g_strdup (data->lang), g_strdup (data->text->str));
  else if (g_str_equal (element, "url") && g_strcmp0 (data->url_type, "homepage") == 0)
    {
      g_free (data->homepage);
      data->homepage = g_strdup (data->text->str);
    }
  else if (g_str_equal (element, "url") && g_strcmp0 (data->url_type, "bugtracker") == 0)
    {
      g_free (data->bugtracker);
      data->bugtracker = g_strdup (data->text->str);
    }
  else if (data->in_notes && g_str_equal (element, "description"))
    data->in_notes = FALSE;
  else if (data->in_notes && g_str_equal (element, "p"))
    {
      g_autofree char *markup = g_strdup_printf ("<p>%s</p>", escaped);

      append_to (data->notes, data->lang, markup);
    }
  else if (data->in_notes && g_str_equal (element, "li"))
    {
      g_autofree char *markup = g_strdup_printf ("<li>%s</li>", escaped);

      append_to (data->items, data->lang, markup);
    }
  else if (data->in_notes && g_str_equal (element, "ul"))
    {
      GHashTableIter iter;
      gpointer lang, items;

      g_hash_table_iter_init (&iter, data->items);
      while (g_hash_table_iter_next (&iter, &lang, &items))
        {
          g_autofree char *markup = g_strdup_printf ("<ul>%s</ul>", ((GString *) items)->str);

          append_to (data->notes, lang, markup);
        }
      g_hash_table_remove_all (data->items);
    }
  g_string_truncate (data->text, 0);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Appdata *data = user_data;

  g_string_append_len (data->text, text, length);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

/* The value for the UI language, else the untranslated one. */
static const char *
for_language (GHashTable *table)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      gpointer value = g_hash_table_lookup (table, g_str_equal (languages[i], "C") ? ""
                                                                                    : languages[i]);

      if (value != NULL)
        return value;
    }
  return g_hash_table_lookup (table, "");
}

AdwAboutWindow *
sp_about_window_new_from_appdata (const char *resource_path)
{
  static const GMarkupParser parser = { start_element_cb, end_element_cb, text_cb, NULL, NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  Appdata data = { 0 };
  AdwAboutWindow *window;
  GString *notes;
  gsize size;
  const char *xml;

  g_return_val_if_fail (resource_path != NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_warning ("Cannot read the app's metadata: %s", error->message);
      return NULL;
    }

  data.summary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  data.notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
  data.items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
  data.text = g_string_new (NULL);

  xml = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &data, NULL);
  if (!g_markup_parse_context_parse (context, xml, size, &error)
      || !g_markup_parse_context_end_parse (context, &error))
    {
      g_warning ("Cannot read the app's metadata: %s", error->message);
      appdata_clear (&data);
      return NULL;
    }

  window = ADW_ABOUT_WINDOW (adw_about_window_new ());
  if (for_language (data.summary) != NULL)
    adw_about_window_set_comments (window, for_language (data.summary));
  if (data.version != NULL)
    {
      adw_about_window_set_version (window, data.version);
      adw_about_window_set_release_notes_version (window, data.version);
    }
  notes = (GString *) for_language (data.notes);
  if (notes != NULL)
    adw_about_window_set_release_notes (window, notes->str);
  if (data.homepage != NULL)
    adw_about_window_set_website (window, data.homepage);
  if (data.bugtracker != NULL)
    adw_about_window_set_issue_url (window, data.bugtracker);
  if (data.developer != NULL)
    adw_about_window_set_developer_name (window, data.developer);

  appdata_clear (&data);
  return window;
}
