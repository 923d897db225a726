import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Form, Input, Select } from 'antd';
import { useState } from 'react';
import {
  editNewsEndpoint,
  NEWS_CATEGORIES,
  NEWS_URL_PATTERN,
  type NewsItem,
  publishNewsEndpoint,
  writeNewsEndpoint,
} from '../../../../../../contract/news.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type ApiError, asApiError, call } from '../../../lib/api.ts';
import { BLANK_NEWS, editOf, type NewsEdit, untranslatedIn } from '../../../lib/news.ts';
import { UntranslatedAlert, useUntranslatedGuard } from './UntranslatedGuard.tsx';

// The secretariat's editor for one item: category, titles and texts in both languages, the
// source (信息来源), images with captions and the related documents. A draft or a withdrawn item is
// saved (PATCH), a new one written by hand is created (POST …/news/custom); "save and publish"
// does both steps. A published item is withdrawn before it is edited (the server insists).
// The page mounts the editor for one item and unmounts it when closed, so the form starts afresh.

export function NewsEditor({
  congressId,
  item,
  onClose,
  onSaved,
}: {
  readonly congressId: string;
  /** The item to edit; null: a new one written by hand. */
  readonly item: NewsItem | null;
  readonly onClose: () => void;
  readonly onSaved: (item: NewsItem) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewsEdit>();
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [error, setError] = useState<ApiError>();
  const guard = useUntranslatedGuard();
  const titleEn: string = Form.useWatch('titleEn', form) ?? item?.titleEn ?? '';
  const bodyEn: string = Form.useWatch('bodyEn', form) ?? item?.bodyEn ?? '';
  const untranslated = untranslatedIn({ titleEn, bodyEn });

  const save = async (publish: boolean) => {
    let values: NewsEdit;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (publish && !(await guard(untranslatedIn(values)))) return;
    setBusy(publish ? 'publish' : 'save');
    setError(undefined);
    try {
      let saved = item
        ? await call(editNewsEndpoint, { params: { congressId, newsId: item.id }, body: values })
        : await call(writeNewsEndpoint, { params: { congressId }, body: values });
      if (publish) saved = await call(publishNewsEndpoint, { params: { congressId, newsId: saved.id } });
      onSaved(saved);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const urlRule = { pattern: NEWS_URL_PATTERN, message: t('news.urlHint') };

  return (
    <Drawer
      open
      onClose={onClose}
      size="min(780px, 100vw)"
      title={item ? t('news.editTitle') : t('news.newTitle')}
      footer={
        <div className="news-editor-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            loading={busy === 'save'}
            disabled={busy !== null}
            onClick={() => void save(false)}
            data-testid="news-save"
          >
            {t('news.save')}
          </Button>
          <Button
            type="primary"
            loading={busy === 'publish'}
            disabled={busy !== null}
            onClick={() => void save(true)}
            data-testid="news-save-publish"
          >
            {t('news.saveAndPublish')}
          </Button>
        </div>
      }
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={item ? editOf(item) : BLANK_NEWS}
        data-testid="news-editor"
      >
        <div className="news-editor-pair">
          <Form.Item name="category" label={t('news.category')} rules={[{ required: true }]}>
            <Select options={NEWS_CATEGORIES.map((c) => ({ value: c, label: t(`news.category.${c}`) }))} />
          </Form.Item>
          <Form.Item
            name="source"
            label={t('news.source')}
            rules={[{ required: true, whitespace: true, message: t('news.required') }]}
          >
            <Input maxLength={100} data-testid="news-source" />
          </Form.Item>
        </div>
        <Form.Item
          name="titleZh"
          label={t('news.titleZh')}
          rules={[{ required: true, whitespace: true, message: t('news.required') }]}
        >
          <Input maxLength={300} data-testid="news-title-zh" />
        </Form.Item>
        <Form.Item
          name="bodyZh"
          label={t('news.bodyZh')}
          extra={t('news.bodyHint')}
          rules={[{ required: true, whitespace: true, message: t('news.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 22 }} data-testid="news-body-zh" />
        </Form.Item>
        <UntranslatedAlert runs={untranslated} />
        <Form.Item name="titleEn" label={t('news.titleEn')}>
          <Input maxLength={300} lang="en" data-testid="news-title-en" />
        </Form.Item>
        <Form.Item name="bodyEn" label={t('news.bodyEn')} extra={t('news.bodyEnHint')}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 22 }} lang="en" data-testid="news-body-en" />
        </Form.Item>

        <UrlRows
          name="images"
          label={t('news.images')}
          urlPlaceholder={t('news.imageUrl')}
          texts={[
            { key: 'captionZh', placeholder: t('news.captionZh') },
            { key: 'captionEn', placeholder: t('news.captionEn'), lang: 'en' },
          ]}
          addLabel={t('news.addImage')}
          urlRule={urlRule}
        />
        <UrlRows
          name="links"
          label={t('news.links')}
          urlPlaceholder={t('news.linkUrl')}
          texts={[
            { key: 'titleZh', placeholder: t('news.linkTitleZh'), required: true },
            { key: 'titleEn', placeholder: t('news.linkTitleEn'), lang: 'en' },
          ]}
          addLabel={t('news.addLink')}
          urlRule={urlRule}
        />
      </Form>
    </Drawer>
  );
}

/**
 * A list of rows, each a URL on the site and its texts in Chinese and English: the item's images
 * (with captions) and its links to the official lists (with titles).
 */
function UrlRows({
  name,
  label,
  urlPlaceholder,
  texts,
  addLabel,
  urlRule,
}: {
  readonly name: string;
  readonly label: string;
  readonly urlPlaceholder: string;
  readonly texts: ReadonlyArray<{ key: string; placeholder: string; lang?: string; required?: boolean }>;
  readonly addLabel: string;
  readonly urlRule: { pattern: RegExp; message: string };
}) {
  const { t } = useI18n();
  const required = { required: true, message: t('news.required') };
  return (
    <>
      <div className="field-label">{label}</div>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <div className="news-list-fields">
            {fields.map((field) => (
              <div key={field.key} className="news-list-row">
                <Form.Item name={[field.name, 'url']} rules={[required, urlRule]}>
                  <Input placeholder={urlPlaceholder} />
                </Form.Item>
                {texts.map((text) => (
                  <Form.Item
                    key={text.key}
                    name={[field.name, text.key]}
                    rules={text.required ? [{ ...required, whitespace: true }] : []}
                  >
                    <Input placeholder={text.placeholder} maxLength={300} lang={text.lang} />
                  </Form.Item>
                ))}
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('news.remove')}
                />
              </div>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add(Object.fromEntries([['url', ''], ...texts.map((x) => [x.key, ''])]))}
            >
              {addLabel}
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}
