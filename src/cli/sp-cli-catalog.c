/* sp-cli-catalog.c — the product and customer-type commands: add, rename, remove, list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"

static SpCatalogKind
catalog_kind (SpCli *cli)
{
  return g_str_has_prefix (cli->command->name, "product ") ? SP_CATALOG_PRODUCT
                                                            : SP_CATALOG_CUSTOMER_TYPE;
}

static gint64
find_item (SpStore        *store,
           SpCatalogKind   kind,
           const char     *name,
           GError        **error)
{
  GError *local_error = NULL;
  gint64 id = sp_catalog_find_by_name (store, kind, name, &local_error);

  if (id == 0)
    sp_cli_usage_error (error, local_error);
  return id;
}

static gboolean
run_catalog_edit (SpCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  SpCatalogKind kind = catalog_kind (cli);
  const char *action = strchr (cli->command->name, ' ') + 1;
  gboolean rename = g_str_equal (action, "rename");
  g_auto(GStrv) args = NULL;
  g_autoptr(SpStore) store = NULL;
  gboolean help_shown;
  gint64 id = 0;

  if (!sp_cli_parse (cli, NULL, argc, argv, rename ? 2 : 1, rename ? 2 : 1, &args, &help_shown,
                     error))
    return FALSE;
  if (help_shown)
    return TRUE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  if (g_str_equal (action, "add"))
    {
      if (sp_catalog_add (store, kind, args[0], error) == 0)
        return FALSE;
      g_print (kind == SP_CATALOG_PRODUCT ? _("Added product %s") : _("Added customer type %s"),
               g_strstrip (args[0]));
    }
  else if ((id = find_item (store, kind, args[0], error)) == 0)
    return FALSE;
  else if (rename)
    {
      if (!sp_catalog_rename (store, kind, id, args[1], error))
        return FALSE;
      g_print (kind == SP_CATALOG_PRODUCT ? _("Renamed product %s to %s")
                                          : _("Renamed customer type %s to %s"),
               g_strstrip (args[0]), g_strstrip (args[1]));
    }
  else
    {
      if (!sp_catalog_remove (store, kind, id, error))
        return FALSE;
      g_print (kind == SP_CATALOG_PRODUCT ? _("Removed product %s") : _("Removed customer type %s"),
               g_strstrip (args[0]));
    }
  g_print ("\n");
  return TRUE;
}

static gboolean
run_catalog_list (SpCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *format = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean help_shown, json;
  guint n;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"),
      N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (!sp_cli_parse_list_format (format, &json, error))
    return FALSE;
  store = sp_cli_open_existing (cli, error);
  if (store == NULL || (items = sp_catalog_list (store, catalog_kind (cli), error)) == NULL)
    return FALSE;

  n = g_list_model_get_n_items (items);
  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpCatalogItem) item = g_list_model_get_item (items, i);
      guint uses = sp_catalog_item_get_use_count (item);

      if (json)
        {
          g_string_append_printf (out, "%s\n  {\"id\": %" G_GINT64_FORMAT ", \"name\": ",
                                  i ? "," : "", sp_catalog_item_get_id (item));
          sp_cli_json_string (out, sp_catalog_item_get_name (item));
          g_string_append_printf (out, ", \"uses\": %u}", uses);
        }
      else
        {
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: used %u time",
                                                    "%s: used %u times", uses),
                                  sp_catalog_item_get_name (item), uses);
          g_string_append_c (out, '\n');
        }
    }
  if (json)
    g_string_append (out, n ? "\n]\n" : "]\n");
  g_print ("%s", out->str);
  return TRUE;
}

static const SpCliCommand product_actions[] = {
  { "add", N_("NAME"), N_("Add a product"), run_catalog_edit },
  { "rename", N_("NAME NEW-NAME"), N_("Rename a product"), run_catalog_edit },
  { "remove", N_("NAME"), N_("Remove a product nothing uses"), run_catalog_edit },
  { "list", NULL, N_("List the products and how often each is used"), run_catalog_list },
};

static const SpCliCommand customer_type_actions[] = {
  { "add", N_("NAME"), N_("Add a customer type"), run_catalog_edit },
  { "rename", N_("NAME NEW-NAME"), N_("Rename a customer type"), run_catalog_edit },
  { "remove", N_("NAME"), N_("Remove a customer type nothing uses"), run_catalog_edit },
  { "list", NULL, N_("List the customer types and how often each is used"), run_catalog_list },
};

gboolean
sp_cli_run_product (SpCli   *cli,
                    int      argc,
                    char   **argv,
                    GError **error)
{
  return sp_cli_run_action (cli, product_actions, G_N_ELEMENTS (product_actions), argc, argv,
                            error);
}

gboolean
sp_cli_run_customer_type (SpCli   *cli,
                          int      argc,
                          char   **argv,
                          GError **error)
{
  return sp_cli_run_action (cli, customer_type_actions, G_N_ELEMENTS (customer_type_actions),
                            argc, argv, error);
}
