/* sp-worksheet-ogsmt.c — the worksheet's OGSMT sheet (目的、目标、策略、测量、时间): items kept
 * in contiguous positions within their kind, and the names of the worksheet's parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worksheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-store-private.h"
#include "sp-worksheet-private.h"

const char *
sp_worksheet_basis_get_display_name (SpWorksheetBasis basis)
{
  static const char * const names[SP_WORKSHEET_N_BASES] = {
    /* Translators: 行业发展分析, one of the six bases of the yearly target */
    N_("Industry growth"),
    /* Translators: 人员配比变化 */
    N_("Headcount change"),
    /* Translators: 渠道的新增/调整策略 */
    N_("New or changed channels"),
    /* Translators: 新旧产品的变化 */
    N_("New and old products"),
  };

  g_return_val_if_fail ((guint) basis < SP_WORKSHEET_N_BASES, NULL);

  return _(names[basis]);
}

const char *
sp_worksheet_swot_get_display_name (SpWorksheetSwot quadrant)
{
  static const char * const names[SP_WORKSHEET_N_SWOT] = {
    /* Translators: SWOT分析 优势 */
    NC_("SWOT", "Strengths"),
    /* Translators: SWOT分析 劣势 */
    NC_("SWOT", "Weaknesses"),
    /* Translators: SWOT分析 机会 */
    NC_("SWOT", "Opportunities"),
    /* Translators: SWOT分析 威胁 */
    NC_("SWOT", "Threats"),
  };

  g_return_val_if_fail ((guint) quadrant < SP_WORKSHEET_N_SWOT, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "SWOT", names[quadrant]);
}

const char *
sp_ogsmt_kind_get_display_name (SpOgsmtKind kind)
{
  static const char * const names[] = {
    /* Translators: OGSMT 目的 */
    N_("Objective"),
    /* Translators: OGSMT 目标 */
    N_("Goal"),
    /* Translators: OGSMT 策略 */
    N_("Strategy"),
    /* Translators: OGSMT 测量 */
    N_("Measure"),
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), NULL);

  return _(names[kind]);
}

const char *
sp_worksheet_basis_to_string (SpWorksheetBasis basis)
{
  g_return_val_if_fail ((guint) basis < SP_WORKSHEET_N_BASES, NULL);

  return sp_worksheet_basis_names[basis];
}

gboolean
sp_worksheet_basis_from_string (const char       *text,
                                SpWorksheetBasis *out)
{
  int i = sp_worksheet_name_index (sp_worksheet_basis_names, SP_WORKSHEET_N_BASES, text);

  if (i < 0)
    return FALSE;
  if (out != NULL)
    *out = (SpWorksheetBasis) i;
  return TRUE;
}

const char *
sp_worksheet_swot_to_string (SpWorksheetSwot quadrant)
{
  g_return_val_if_fail ((guint) quadrant < SP_WORKSHEET_N_SWOT, NULL);

  return sp_worksheet_swot_names[quadrant];
}

const char *
sp_ogsmt_kind_to_string (SpOgsmtKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (sp_ogsmt_kind_names), NULL);

  return sp_ogsmt_kind_names[kind];
}

/* The plan and kind of item @item_id; FALSE with @error when there is none. */
static gboolean
find_item (SpStore      *store,
           gint64        item_id,
           gint64       *plan_id,
           char        **kind,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT plan_id, kind FROM ogsmt_item WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *plan_id = sqlite3_column_int64 (stmt, 0);
      *kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_NOT_FOUND,
                 _("There is no OGSMT item with id %lld"), (long long) item_id);
  else
    sp_store_set_sql_error (store, error, _("Could not change the worksheet"));
  return FALSE;
}

/* The ids of one plan's items of one kind, in their order. */
static GArray *
kind_items (SpStore     *store,
            gint64       plan_id,
            const char  *kind,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT id FROM ogsmt_item WHERE plan_id = ? AND kind = ?"
                         " ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not change the worksheet"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Gives the items @ids the positions 0, 1, 2 … (rows already there are left alone). */
static gboolean
renumber (SpStore  *store,
          GArray   *ids,
          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "UPDATE ogsmt_item SET position = ?1 WHERE id = ?2 AND position IS NOT ?1",
                         error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, (int) i);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return sp_store_set_sql_error (store, error, _("Could not change the worksheet"));
    }

  return TRUE;
}

gint64
sp_worksheet_add_ogsmt (SpStore      *store,
                        gint64        plan_id,
                        SpOgsmtKind   kind,
                        const char   *text,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (SP_IS_STORE (store), 0);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (sp_ogsmt_kind_names), 0);

  if (!sp_worksheet_check_text (text, sp_ogsmt_kind_get_display_name (kind), error))
    return 0;
  if (!sp_worksheet_begin_edit (store, plan_id, _("Add OGSMT item"), error))
    return 0;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "INSERT INTO ogsmt_item (plan_id, kind, position, text)"
                         " VALUES (?1, ?2, (SELECT count(*) FROM ogsmt_item"
                         "                   WHERE plan_id = ?1 AND kind = ?2), ?3)",
                         error);
  if (stmt == NULL)
    return sp_worksheet_end_edit (store, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, sp_ogsmt_kind_names[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text ? text : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not change the worksheet"));
      return sp_worksheet_end_edit (store, FALSE, error);
    }
  id = sqlite3_last_insert_rowid (sp_store_get_db (store));

  {
    /* Positions stay contiguous even if older data left holes. */
    g_autoptr(GArray) ids = kind_items (store, plan_id, sp_ogsmt_kind_names[kind], error);

    if (ids == NULL || !renumber (store, ids, error))
      return sp_worksheet_end_edit (store, FALSE, error);
  }

  return sp_worksheet_end_edit (store, TRUE, error) ? id : 0;
}

gboolean
sp_worksheet_update_ogsmt (SpStore      *store,
                           gint64        item_id,
                           const char   *text,
                           gint64        target_value,
                           const GDate  *deadline,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *iso = NULL;
  gint64 plan_id;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (!sp_worksheet_check_text (text, _("OGSMT"), error))
    return FALSE;
  if (deadline != NULL && g_date_valid (deadline))
    {
      if (g_date_get_year (deadline) < 1900 || g_date_get_year (deadline) > 9999)
        {
          g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_INVALID,
                       _("The deadline %d-%02d-%02d is out of range"),
                       (int) g_date_get_year (deadline), (int) g_date_get_month (deadline),
                       (int) g_date_get_day (deadline));
          return FALSE;
        }
      iso = sp_date_format_iso (deadline);
    }

  if (!sp_store_begin_edit (store, _("Edit OGSMT item"), error))
    return FALSE;
  if (!find_item (store, item_id, &plan_id, &kind, error))
    return sp_worksheet_end_edit (store, FALSE, error);

  /* NULL @text keeps the item's text. */
  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "UPDATE ogsmt_item SET text = coalesce (?1, text), target_value = ?2,"
                         " deadline = ?3 WHERE id = ?4", error);
  if (stmt == NULL)
    return sp_worksheet_end_edit (store, FALSE, error);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (target_value >= 0)
    sqlite3_bind_int64 (stmt, 2, target_value);
  if (iso != NULL)
    sqlite3_bind_text (stmt, 3, iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, item_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not change the worksheet"));
      return sp_worksheet_end_edit (store, FALSE, error);
    }

  return sp_worksheet_end_edit (store, TRUE, error);
}

gboolean
sp_worksheet_move_ogsmt (SpStore  *store,
                         gint64    item_id,
                         int       delta,
                         GError  **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *kind = NULL;
  gint64 plan_id;
  guint from = 0;
  gint64 to;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (!sp_store_begin_edit (store, _("Move OGSMT item"), error))
    return FALSE;
  if (!find_item (store, item_id, &plan_id, &kind, error)
      || (ids = kind_items (store, plan_id, kind, error)) == NULL)
    return sp_worksheet_end_edit (store, FALSE, error);

  while (from < ids->len && g_array_index (ids, gint64, from) != item_id)
    from++;
  g_assert (from < ids->len);

  /* Past either end it stays at that end. */
  to = CLAMP ((gint64) from + delta, 0, (gint64) ids->len - 1);
  g_array_remove_index (ids, from);
  g_array_insert_val (ids, (guint) to, item_id);

  return sp_worksheet_end_edit (store, renumber (store, ids, error), error);
}

gboolean
sp_worksheet_remove_ogsmt (SpStore  *store,
                           gint64    item_id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *kind = NULL;
  gint64 plan_id;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (!sp_store_begin_edit (store, _("Remove OGSMT item"), error))
    return FALSE;
  if (!find_item (store, item_id, &plan_id, &kind, error))
    return sp_worksheet_end_edit (store, FALSE, error);

  stmt = sp_sql_prepare (sp_store_get_db (store), "DELETE FROM ogsmt_item WHERE id = ?", error);
  if (stmt == NULL)
    return sp_worksheet_end_edit (store, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not change the worksheet"));
      return sp_worksheet_end_edit (store, FALSE, error);
    }

  ids = kind_items (store, plan_id, kind, error);
  return sp_worksheet_end_edit (store, ids != NULL && renumber (store, ids, error), error);
}
