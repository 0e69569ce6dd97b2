"""report indexes: sales by time (every dated sales report reads its first page from the
index) and tokens by their digits (token enquiry, reprint by token) (docs/reports.md)

Revision ID: 0014
Revises: 0007
Create Date: 2026-12-02 09:05:00.000000
"""

from __future__ import annotations

from alembic import op

revision = '0014'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_vends_created', 'vends', ['created_at'])
    op.create_index('ix_vend_tokens_token', 'vend_tokens', ['token'])


def downgrade() -> None:
    op.drop_index('ix_vend_tokens_token', table_name='vend_tokens')
    op.drop_index('ix_vends_created', table_name='vends')
