/* sp-sql.c — small helpers over the SQLite C API shared by the model's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-sql"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-store-private.h"

gboolean
sp_sql_set_error (sqlite3     *db,
                  GError     **error,
                  const char  *what)
{
  int code = db ? sqlite3_extended_errcode (db) : SQLITE_ERROR;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (code);
  int domain_code = SP_STORE_ERROR_SQL;

  switch (code & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      domain_code = SP_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      domain_code = SP_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_CONSTRAINT:
      domain_code = SP_STORE_ERROR_INVALID;
      break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
      domain_code = SP_STORE_ERROR_IO;
      break;
    default:
      break;
    }

  g_set_error (error, SP_STORE_ERROR, domain_code, "%s: %s", what, detail);
  return FALSE;
}

gboolean
sp_sql_exec (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      gboolean ret = sp_sql_set_error (db, error, _("Database error"));

      sqlite3_free (message);
      return ret;
    }

  return TRUE;
}

sqlite3_stmt *
sp_sql_prepare (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sp_sql_set_error (db, error, _("Database error"));
      return NULL;
    }

  return stmt;
}

/* Column names of a main-schema table, in declaration order. */
GPtrArray *
sp_sql_table_columns (sqlite3     *db,
                      const char  *schema,
                      const char  *table,
                      GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = g_strdup_printf ("PRAGMA \"%s\".table_info(\"%s\")", schema, table);
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));

  if (rc != SQLITE_DONE)
    {
      sp_sql_set_error (db, error, _("Database error"));
      return NULL;
    }

  return g_steal_pointer (&columns);
}

/* Binds the va_list arguments as sp_sql_run() describes. Texts are bound without a copy: the
 * caller steps before returning, while they are alive. */
static gboolean
bind_valist (sqlite3_stmt *stmt,
             const char   *types,
             va_list      *args)
{
  int index = 1;

  for (const char *t = types; *t != '\0'; t++, index++)
    {
      switch (*t)
        {
        case 'i':
          sqlite3_bind_int64 (stmt, index, va_arg (*args, gint64));
          break;
        case 'I':
          {
            gint64 v = va_arg (*args, gint64);

            if (v != 0)
              sqlite3_bind_int64 (stmt, index, v);
            else
              sqlite3_bind_null (stmt, index);
          }
          break;
        case 'd':
          sqlite3_bind_int (stmt, index, va_arg (*args, int));
          break;
        case 't':
          sqlite3_bind_text (stmt, index, va_arg (*args, const char *), -1, SQLITE_STATIC);
          break;
        case 'n':
          sqlite3_bind_null (stmt, index);
          break;
        default:
          g_critical ("sp_sql_run: unknown type letter '%c' in \"%s\"", *t, types);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
sp_sql_run (sqlite3     *db,
            GHashTable  *cache,
            const char  *what,
            gint64      *out_id,
            GError     **error,
            const char  *sql,
            const char  *types,
            ...)
{
  g_autoptr(sqlite3_stmt) own = NULL;
  sqlite3_stmt *stmt = cache != NULL ? g_hash_table_lookup (cache, sql) : NULL;
  va_list args;
  gboolean bound;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (sql != NULL && types != NULL && what != NULL, FALSE);

  if (stmt == NULL)
    {
      stmt = sp_sql_prepare (db, sql, error);
      if (stmt == NULL)
        return FALSE;
      if (cache != NULL)
        g_hash_table_insert (cache, (gpointer) sql, stmt);
      else
        own = stmt;
    }

  va_start (args, types);
  bound = bind_valist (stmt, types, &args);
  va_end (args);
  rc = bound ? sqlite3_step (stmt) : SQLITE_MISUSE;
  /* A cached statement keeps no pointer to the caller's texts once it returns. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!bound)
    {
      g_set_error (error, SP_STORE_ERROR, SP_STORE_ERROR_SQL, "%s: bad parameter types “%s”",
                   what, types);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return sp_sql_set_error (db, error, what);
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (db);
  return TRUE;
}
