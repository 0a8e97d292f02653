/* sp-store-settings.c — the workspace's small key/value settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-store-private.h"

char *
sp_store_get_setting (SpStore    *self,
                      const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (sqlite3_prepare_v2 (sp_store_get_db (self), "SELECT value FROM setting WHERE key = ?", -1, &stmt, NULL)
      != SQLITE_OK)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return NULL;
}

gboolean
sp_store_set_setting (SpStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SP_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (sp_store_in_edit (self), FALSE);

  stmt = sp_sql_prepare (sp_store_get_db (self),
                         "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                         "ON CONFLICT (key) DO UPDATE SET value = ?2 WHERE value IS NOT ?2",
                         error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sp_sql_set_error (sp_store_get_db (self), error, _("Could not save the setting"));

  return TRUE;
}
