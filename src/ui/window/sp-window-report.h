/* sp-window-report.h — win.export-report: the PDF meeting report from the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-window.h"

G_BEGIN_DECLS

/* Adds win.export-report to @self. */
void _sp_window_report_init (SpWindow *self);

G_END_DECLS
