/* sp-catalog.h — the workspace's products (产品类别) and customer types (客户类型): the two
 * plain name lists the breakdown's "other" directions use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-store.h"

G_BEGIN_DECLS

typedef enum
{
  SP_CATALOG_PRODUCT,
  SP_CATALOG_CUSTOMER_TYPE,
} SpCatalogKind;

#define SP_TYPE_CATALOG_ITEM (sp_catalog_item_get_type ())
G_DECLARE_FINAL_TYPE (SpCatalogItem, sp_catalog_item, SP, CATALOG_ITEM, GObject)

gint64       sp_catalog_item_get_id        (SpCatalogItem *self);
const char  *sp_catalog_item_get_name      (SpCatalogItem *self);
/* How many rows use it (history orders, opportunities or customers, breakdown cells): an
 * item in use cannot be removed. */
guint        sp_catalog_item_get_use_count (SpCatalogItem *self);

/* All items of @kind by name; a GListModel of SpCatalogItem. */
GListModel  *sp_catalog_list          (SpStore        *store,
                                       SpCatalogKind   kind,
                                       GError        **error);
/* The id of the item called @name (spaces around it ignored); 0 with
 * SP_STORE_ERROR_NOT_FOUND "There is no product named …" (or customer type). */
gint64       sp_catalog_find_by_name  (SpStore        *store,
                                       SpCatalogKind   kind,
                                       const char     *name,
                                       GError        **error);
/* Edits, each ONE undo step; refused (SP_STORE_ERROR_INVALID, nothing changed) for an empty
 * or taken name and, for remove, an item still in use. */
gint64       sp_catalog_add           (SpStore        *store,
                                       SpCatalogKind   kind,
                                       const char     *name,
                                       GError        **error);
gboolean     sp_catalog_rename        (SpStore        *store,
                                       SpCatalogKind   kind,
                                       gint64          id,
                                       const char     *name,
                                       GError        **error);
gboolean     sp_catalog_remove        (SpStore        *store,
                                       SpCatalogKind   kind,
                                       gint64          id,
                                       GError        **error);

G_END_DECLS
