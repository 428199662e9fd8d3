const path=require('path');
process.env.DATABASE_CLIENT='postgres'; process.env.DATABASE_NAME='overview_bench_city';
const { benchEnvironment, root } = require('./db');
benchEnvironment();
(async()=>{
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  const t=async(name,fn)=>{const s=Date.now(); for(let i=0;i<3;i++) await fn(); console.log(name,(Date.now()-s)/3,'ms');};
  const p=strapi.plugin('disclosure');
  await t('calendar.load', ()=>p.service('working-calendar').load());
  await t('overview', ()=>p.service('overview').overview({year:2024,sort:'organization',order:'asc',page:1,pageSize:50}));
  await t('worklist', ()=>p.service('applications').worklist({pageSize:50}));
  await t('count concluded', ()=>strapi.db.query('api::disclosure-application.disclosure-application').count({where:{state:'concluded'}}));
  await t('light', ()=>strapi.db.query('api::disclosure-application.disclosure-application').findMany({where:{state:{$in:['received','extended','consulting','correctionRequested']}}, select:['documentId','trackingNumber','receivedOn','state','concludedOn','outcome']}));
  await strapi.destroy(); process.exit(0);
})();
