/* sp-worklog-summary-row.c — one row of the team's work-log summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worklog-summary-row"

#include "config.h"

#include <string.h>

#include "sp-worklog-summary-row.h"

struct _SpWorklogSummaryRow
{
  GObject                  parent_instance;

  SpWorklogSummaryRowKind  kind;
  gint64                   id;
  char                    *name;
  gint64                   totals[SP_WORKLOG_N_VALUES];
};

G_DEFINE_FINAL_TYPE (SpWorklogSummaryRow, sp_worklog_summary_row, G_TYPE_OBJECT)

static void
sp_worklog_summary_row_finalize (GObject *object)
{
  SpWorklogSummaryRow *self = SP_WORKLOG_SUMMARY_ROW (object);

  g_free (self->name);
  G_OBJECT_CLASS (sp_worklog_summary_row_parent_class)->finalize (object);
}

static void
sp_worklog_summary_row_class_init (SpWorklogSummaryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_worklog_summary_row_finalize;
}

static void
sp_worklog_summary_row_init (SpWorklogSummaryRow *self)
{
}

SpWorklogSummaryRow *
sp_worklog_summary_row_new (SpWorklogSummaryRowKind  kind,
                            gint64                   id,
                            const char              *name,
                            const gint64            *totals)
{
  SpWorklogSummaryRow *self = g_object_new (SP_TYPE_WORKLOG_SUMMARY_ROW, NULL);

  self->kind = kind;
  self->id = id;
  self->name = g_strdup (name);
  if (totals != NULL)
    memcpy (self->totals, totals, sizeof self->totals);
  return self;
}

SpWorklogSummaryRowKind
sp_worklog_summary_row_get_kind (SpWorklogSummaryRow *self)
{
  g_return_val_if_fail (SP_IS_WORKLOG_SUMMARY_ROW (self), SP_WORKLOG_SUMMARY_ROW_REP);

  return self->kind;
}

gint64
sp_worklog_summary_row_get_id (SpWorklogSummaryRow *self)
{
  g_return_val_if_fail (SP_IS_WORKLOG_SUMMARY_ROW (self), 0);

  return self->id;
}

const char *
sp_worklog_summary_row_get_name (SpWorklogSummaryRow *self)
{
  g_return_val_if_fail (SP_IS_WORKLOG_SUMMARY_ROW (self), NULL);

  return self->name;
}

gint64
sp_worklog_summary_row_get_total (SpWorklogSummaryRow *self,
                                  SpWorklogField       field)
{
  g_return_val_if_fail (SP_IS_WORKLOG_SUMMARY_ROW (self), 0);
  g_return_val_if_fail (field < SP_WORKLOG_N_VALUES, 0);

  return self->totals[field];
}

void
sp_worklog_summary_row_add (SpWorklogSummaryRow *self,
                            const gint64        *totals)
{
  g_return_if_fail (SP_IS_WORKLOG_SUMMARY_ROW (self));
  g_return_if_fail (totals != NULL);

  for (guint i = 0; i < SP_WORKLOG_N_VALUES; i++)
    self->totals[i] += totals[i];
}
