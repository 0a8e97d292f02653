/* sp-new-plan-dialog.h — asks for a new plan's fiscal year, team and target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-preferences.h"

G_BEGIN_DECLS

#define SP_TYPE_NEW_PLAN_DIALOG (sp_new_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpNewPlanDialog, sp_new_plan_dialog, SP, NEW_PLAN_DIALOG, AdwMessageDialog)

/* On "create" the plan is added as an undoable edit; errors become a toast on @parent. */
GtkWidget *sp_new_plan_dialog_new (GtkWindow     *parent,
                                   SpPreferences *preferences);

G_END_DECLS
