/** The 发布说明 (release notes) as static files next to its page: notes.md, notes.txt and notes.html (the e-mail body). */
import type { APIRoute } from 'astro';
import { noticeFileResponse, noticeFileStaticPaths, type NoticeFileProps } from '../../../../../portal/notices.ts';

export const getStaticPaths = () => noticeFileStaticPaths('notes');

export const GET: APIRoute = ({ props }) => noticeFileResponse(props as NoticeFileProps);
