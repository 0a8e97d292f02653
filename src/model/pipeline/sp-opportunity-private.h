/* sp-opportunity-private.h — what the opportunity files share: checks, the edit bracket,
 * statement helpers and the row reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-opportunity.h"
#include "sp-store-private.h"

G_BEGIN_DECLS

/* The columns sp_opportunity_read_row() reads (SP_OPPORTUNITY_N_COLUMNS of them), and the
 * joins they need: opportunity o, pipeline_stage s, customer c, rep r. */
#define SELECT_COLUMNS \
  "SELECT o.id, o.title, coalesce(o.customer_id, 0), coalesce(c.name, ''),"             \
  "       coalesce(o.rep_id, 0), coalesce(r.name, ''), o.stage_id, s.name, o.amount,"   \
  "       o.created_on, o.expected_close, o.closed_on, o.invoiced, o.collected,"         \
  "       coalesce(c.class, ''), coalesce(c.intent_grade, '')"
#define SELECT_JOINS \
  "  FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id"                     \
  "  LEFT JOIN customer c ON c.id = o.customer_id LEFT JOIN rep r ON r.id = o.rep_id"
#define SP_OPPORTUNITY_N_COLUMNS 16

/* The funnel's ranks: open stages by position from 0, then every won stage at one rank. */
#define SP_OPPORTUNITY_RANKED_STAGES_CTE \
  "fs (id, k) AS (" \
  "  SELECT id, row_number() OVER (ORDER BY position, id) - 1" \
  "    FROM pipeline_stage WHERE outcome = 'open'" \
  "  UNION ALL" \
  "  SELECT id, (SELECT count(*) FROM pipeline_stage WHERE outcome = 'open')" \
  "    FROM pipeline_stage WHERE outcome = 'won')"

/* TRUE for an ISO date (YYYY-MM-DD), or NULL when @allow_null. */
gboolean       sp_opportunity_check_iso     (const char    *text,
                                             gboolean       allow_null,
                                             GError       **error);
/* Starts an edit unless the caller is inside one (edits do not nest): *@own says which. */
gboolean       sp_opportunity_edit_begin    (SpStore       *store,
                                             const char    *label,
                                             gboolean      *own,
                                             GError       **error);
/* Ends what sp_opportunity_edit_begin() started: commits when @ok, else rolls back. */
gboolean       sp_opportunity_edit_end      (SpStore       *store,
                                             gboolean       own,
                                             gboolean       ok,
                                             GError       **error);
/* The outcome of @stage_id ("open", "won", "lost"), or NULL with an error. */
char          *sp_opportunity_stage_outcome (sqlite3       *db,
                                             gint64         stage_id,
                                             GError       **error);
SpOpportunity *sp_opportunity_read_row      (sqlite3_stmt  *stmt);

G_END_DECLS
