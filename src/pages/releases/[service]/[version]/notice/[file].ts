/** The 正式发布通知 (formal release notice, with the release notes) as static files next to its page: notice.md, notice.txt and notice.html (the e-mail body). */
import type { APIRoute } from 'astro';
import { noticeFileResponse, noticeFileStaticPaths, type NoticeFileProps } from '../../../../../portal/notices.ts';

export const getStaticPaths = () => noticeFileStaticPaths('formal');

export const GET: APIRoute = ({ props }) => noticeFileResponse(props as NoticeFileProps);
