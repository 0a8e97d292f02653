/* sp-evaluation.h — the evaluation feature's error domain (评估、辅导和考核, DOMAIN.md §9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_EVALUATION_ERROR (sp_evaluation_error_quark ())

typedef enum
{
  SP_EVALUATION_ERROR_INVALID,    /* a bad input; the message says what */
  SP_EVALUATION_ERROR_OVERFLOW,   /* too large to compute exactly */
} SpEvaluationError;

GQuark       sp_evaluation_error_quark     (void);

G_END_DECLS
