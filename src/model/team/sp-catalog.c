/* sp-catalog.c — products and customer types: list, add, rename, remove when unused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-catalog.h"
#include "sp-team-private.h"

struct _SpCatalogItem
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
  guint    use_count;
};

G_DEFINE_FINAL_TYPE (SpCatalogItem, sp_catalog_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_USE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What differs between the two lists. The SQL pieces are constants, never user input. */
typedef struct
{
  const char *table;
  const char *uses;      /* count of the rows using ?1 */
  const char *empty;
  const char *missing;
  const char *add_label;
  const char *rename_label;
  const char *remove_label;
} CatalogKind;

static const CatalogKind kinds[] = {
  [SP_CATALOG_PRODUCT] = {
    "product",
    "(SELECT count (*) FROM history_order WHERE product_id = ?1)"
    " + (SELECT count (*) FROM opportunity WHERE product_id = ?1)"
    " + (SELECT count (*) FROM breakdown_cell WHERE dimension = 'product' AND member_id = ?1)",
    N_("A product needs a name"),
    N_("That product does not exist"),
    N_("Add product"), N_("Rename product"), N_("Remove product"),
  },
  [SP_CATALOG_CUSTOMER_TYPE] = {
    "customer_type",
    "(SELECT count (*) FROM history_order WHERE customer_type_id = ?1)"
    " + (SELECT count (*) FROM customer WHERE customer_type_id = ?1)"
    " + (SELECT count (*) FROM breakdown_cell WHERE dimension = 'customer_type'"
    "                                          AND member_id = ?1)",
    N_("A customer type needs a name"),
    N_("That customer type does not exist"),
    N_("Add customer type"), N_("Rename customer type"), N_("Remove customer type"),
  },
};

#define PICK(kind, product, customer_type) \
  ((kind) == SP_CATALOG_PRODUCT ? (product) : (customer_type))

static void
sp_catalog_item_finalize (GObject *object)
{
  SpCatalogItem *self = (SpCatalogItem *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (sp_catalog_item_parent_class)->finalize (object);
}

static void
sp_catalog_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpCatalogItem *self = SP_CATALOG_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_USE_COUNT:
      g_value_set_uint (value, self->use_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_catalog_item_class_init (SpCatalogItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_catalog_item_finalize;
  object_class->get_property = sp_catalog_item_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USE_COUNT] =
    g_param_spec_uint ("use-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_catalog_item_init (SpCatalogItem *self)
{
}

gint64
sp_catalog_item_get_id (SpCatalogItem *self)
{
  g_return_val_if_fail (SP_IS_CATALOG_ITEM (self), 0);
  return self->id;
}

const char *
sp_catalog_item_get_name (SpCatalogItem *self)
{
  g_return_val_if_fail (SP_IS_CATALOG_ITEM (self), NULL);
  return self->name;
}

guint
sp_catalog_item_get_use_count (SpCatalogItem *self)
{
  g_return_val_if_fail (SP_IS_CATALOG_ITEM (self), 0);
  return self->use_count;
}

GListModel *
sp_catalog_list (SpStore        *store,
                 SpCatalogKind   kind,
                 GError        **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SP_TYPE_CATALOG_ITEM);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *uses = NULL;
  g_auto(GStrv) parts = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);

  parts = g_strsplit (kinds[kind].uses, "?1", -1);
  uses = g_strjoinv ("x.id", parts);
  sql = g_strdup_printf ("SELECT x.id, x.name, %s FROM %s AS x ORDER BY x.name, x.id",
                         uses, kinds[kind].table);
  stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SpCatalogItem) item = g_object_new (SP_TYPE_CATALOG_ITEM, NULL);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      item->use_count = (guint) sqlite3_column_int64 (stmt, 2);
      g_list_store_append (list, item);
    }
  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not read the list"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* The id of @name in @kind's table, 0 when none, -1 on error. */
static gint64
lookup (sqlite3        *db,
        SpCatalogKind   kind,
        const char     *name,
        GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE name = ?", kinds[kind].table);
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  sp_sql_set_error (db, error, _("Could not read the list"));
  return -1;
}

/* The name of item @id, NULL with SP_STORE_ERROR_NOT_FOUND when there is none. */
static char *
item_name (sqlite3        *db,
           SpCatalogKind   kind,
           gint64          id,
           GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM %s WHERE id = ?", kinds[kind].table);
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_set_error_literal (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND, _(kinds[kind].missing));
  return NULL;
}

gint64
sp_catalog_find_by_name (SpStore        *store,
                         SpCatalogKind   kind,
                         const char     *name,
                         GError        **error)
{
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (SP_IS_STORE (store), 0);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), 0);

  trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  id = lookup (sp_store_get_db (store), kind, trimmed, error);
  if (id == 0)
    g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_NOT_FOUND,
                 PICK (kind, _("There is no product named “%s”"),
                       _("There is no customer type named “%s”")), trimmed);
  return MAX (id, 0);
}

/* The name @name trimmed, when it is not empty and not taken by another item than @id. */
static char *
check_name (sqlite3        *db,
            SpCatalogKind   kind,
            const char     *name,
            gint64          id,
            GError        **error)
{
  g_autofree char *trimmed = sp_team_trim_name (name, _(kinds[kind].empty), error);
  gint64 other;

  if (trimmed == NULL)
    return NULL;
  other = lookup (db, kind, trimmed, error);
  if (other < 0)
    return NULL;
  if (other > 0 && other != id)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   PICK (kind, _("There is already a product named “%s”"),
                         _("There is already a customer type named “%s”")), trimmed);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

/* Runs @sql with @name (may be NULL) and @id bound to ?1 and ?2 as the one write of an edit. */
static gboolean
run_edit (SpStore     *store,
          const char  *label,
          const char  *sql,
          const char  *name,
          gint64       id,
          gint64      *out_id,
          GError     **error)
{
  sqlite3 *db = sp_store_get_db (store);

  if (!sp_store_begin_edit (store, label, error))
    return FALSE;
  if (!sp_sql_run (db, NULL, label, out_id, error, sql, "ti", name, id))
    {
      sp_store_rollback_edit (store);
      return FALSE;
    }
  return sp_store_commit_edit (store, error);
}

gint64
sp_catalog_add (SpStore        *store,
                SpCatalogKind   kind,
                const char     *name,
                GError        **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *sql = NULL;
  gint64 id = 0;

  g_return_val_if_fail (SP_IS_STORE (store), 0);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), 0);

  trimmed = check_name (sp_store_get_db (store), kind, name, 0, error);
  if (trimmed == NULL)
    return 0;
  sql = g_strdup_printf ("INSERT INTO %s (name) VALUES (?1)", kinds[kind].table);
  if (!run_edit (store, _(kinds[kind].add_label), sql, trimmed, 0, &id, error))
    return 0;
  return id;
}

gboolean
sp_catalog_rename (SpStore        *store,
                   SpCatalogKind   kind,
                   gint64          id,
                   const char     *name,
                   GError        **error)
{
  g_autofree char *old = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), FALSE);

  db = sp_store_get_db (store);
  if ((old = item_name (db, kind, id, error)) == NULL
      || (trimmed = check_name (db, kind, name, id, error)) == NULL)
    return FALSE;
  if (g_str_equal (old, trimmed))
    return TRUE;
  sql = g_strdup_printf ("UPDATE %s SET name = ?1 WHERE id = ?2", kinds[kind].table);
  return run_edit (store, _(kinds[kind].rename_label), sql, trimmed, id, NULL, error);
}

gboolean
sp_catalog_remove (SpStore        *store,
                   SpCatalogKind   kind,
                   gint64          id,
                   GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), FALSE);

  db = sp_store_get_db (store);
  if ((name = item_name (db, kind, id, error)) == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT %s", kinds[kind].uses);
  stmt = sp_sql_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sp_sql_set_error (db, error, _("Could not read the list"));
  if (sqlite3_column_int64 (stmt, 0) > 0)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_INVALID,
                   PICK (kind, _("Product “%s” is used by history orders, opportunities or plan "
                                 "figures and cannot be removed"),
                         _("Customer type “%s” is used by history orders, customers or plan "
                           "figures and cannot be removed")), name);
      return FALSE;
    }
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?2 AND ?1 IS NULL", kinds[kind].table);
  return run_edit (store, _(kinds[kind].remove_label), sql, NULL, id, NULL, error);
}
